/* i18n.c — picks the user's language from the environment and binds the
 * gettext catalogue (see i18n.h). */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_DOMAIN "kumihan"

static bool japanese;

static const char *env_nonempty(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* POSIX order: LC_ALL, then LC_MESSAGES, then LANG; "C" when none is set. */
static const char *messages_locale(void)
{
    const char *v = env_nonempty("LC_ALL");
    if (!v)
        v = env_nonempty("LC_MESSAGES");
    if (!v)
        v = env_nonempty("LANG");
    return v ? v : "C";
}

static bool is_c_locale(const char *name)
{
    return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0;
}

/* GNU LANGUAGE (a colon-separated list) takes precedence unless the locale
 * is explicitly C, as in glibc; otherwise the locale's language decides. */
static bool wants_japanese(void)
{
    const char *locale = messages_locale();
    const char *language = env_nonempty("LANGUAGE");
    bool explicit_c = is_c_locale(locale) && (env_nonempty("LC_ALL") || env_nonempty("LC_MESSAGES") ||
                                              env_nonempty("LANG"));
    if (language && !explicit_c)
        return strncmp(language, "ja", 2) == 0;
    return strncmp(locale, "ja", 2) == 0;
}

void i18n_init(const char *localedir)
{
    japanese = wants_japanese();
    bindtextdomain(TEXT_DOMAIN, localedir);
    bind_textdomain_codeset(TEXT_DOMAIN, "UTF-8");   /* input and output are UTF-8 whatever the locale */
    textdomain(TEXT_DOMAIN);
    if (!japanese)
        return;   /* the C locale: gettext returns the English msgids */
    /* glibc ignores LANGUAGE only under the "C" locale itself; C.UTF-8 is
     * built in, so a machine without ja_JP.UTF-8 still translates */
    const char *set = setlocale(LC_MESSAGES, "");
    if (!set || is_c_locale(set))
        setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "ja", 1);
}

bool i18n_japanese(void)
{
    return japanese;
}
