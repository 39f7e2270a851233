/* i18n.h — the user's language: which one the environment asks for
 * (Japanese or English) and the message catalogue that translates every
 * user-facing string (GNU gettext, text domain "kumihan", po/ja.po).
 * Any stage may use _() and N_(): libintl.h is libc's. */
#ifndef KUMIHAN_I18N_H
#define KUMIHAN_I18N_H

#include <libintl.h>
#include <stdbool.h>

/* A message the user reads: looked up in the catalogue (the English
 * msgid itself when none applies). */
#define _(msgid) gettext(msgid)
/* Marks a string in a table for xgettext; the table's user calls _() on it. */
#define N_(msgid) (msgid)

/* Chooses the language from LC_ALL, LC_MESSAGES, LANG and LANGUAGE (ja*
 * means Japanese) and binds the catalogue in localedir.  Works without a
 * generated ja_JP locale: gettext is then run under C.UTF-8 with
 * LANGUAGE=ja.  Only the messages category changes: numbers keep the C
 * format everywhere (a PDF must not get decimal commas). */
void i18n_init(const char *localedir);

/* True when i18n_init chose Japanese. */
bool i18n_japanese(void);

#endif
