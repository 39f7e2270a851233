/* watch.c — the edit loop: one build, then one more after each change.
 *
 * Editors save in two ways: writing the file in place, or writing a new
 * file and renaming it over the old one (vim, VS Code, `os.replace`).
 * Watching the file itself misses the second (the watched inode is gone),
 * so each *folder* holding an input is watched and events are matched by
 * name.  A save is often several events (write, close, rename; a folder of
 * fonts copied); a burst is collected until the folder has been quiet for
 * DEBOUNCE_MS, then built once.
 *
 * SIGINT and SIGTERM are blocked and read through a signalfd between
 * builds, so a build is never cut short: the atomic writer finishes or
 * cleans up its temporary file, and everything is freed before exit. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "watch.h"

#include "doc_image.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>
#include "build_run.h"
#include "pipeline.h"
#include "vec.h"
#include "xalloc.h"
#include "i18n.h"

#define DEBOUNCE_MS 50
#define EXIT_IO 3
#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO)

/* A file whose change triggers a build: its folder's watch and its name. */
typedef struct watched_file {
    int wd;
    char *name;
} watched_file;

typedef struct watcher {
    int inotify_fd;
    int signal_fd;
    VEC(watched_file) files;
    size_t n_inputs;        /* distinct inputs of the last build, for the first message */
} watcher;

static long elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (long)(t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void forget_files(watcher *w)
{
    for (size_t i = 0; i < w->files.n; i++)
        free(w->files.items[i].name);
    w->files.n = 0;
}

/* Watches path's folder for path's name; a folder that cannot be watched
 * (it was removed) is skipped: the next build reports the missing file. */
static void watch_path(watcher *w, const char *path)
{
    const char *slash = strrchr(path, '/');
    char *folder = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    int wd = inotify_add_watch(w->inotify_fd, folder, WATCH_EVENTS | IN_ONLYDIR);
    free(folder);
    if (wd < 0)
        return;
    watched_file f = {wd, xstrdup(slash ? slash + 1 : path)};
    VEC_APPEND(w->files, f);
}

/* The path as given and, if it is a symlink or spelt through one, the
 * file it leads to: editing either one rebuilds. */
static void watch_input(watcher *w, const char *path)
{
    if (!path)
        return;
    watch_path(w, path);
    char *real = realpath(path, NULL);
    if (real && strcmp(real, path) != 0)
        watch_path(w, real);
    free(real);
    w->n_inputs++;
}

static bool watch_image(const block *b, void *ctx)
{
    if (b->image)
        watch_input(ctx, b->image->path);
    return true;
}

/* What the last build read: the set may change with the layout's fonts.
 * Watches of folders no longer used stay, matching no name. */
static void watch_inputs(watcher *w, const pipeline *p, const cli_args *o)
{
    forget_files(w);
    w->n_inputs = 0;
    watch_input(w, o->files[0]);
    watch_input(w, o->layout);
    watch_input(w, o->compare);
    for (size_t i = 0; p->lay && i < p->lay->n_fonts; i++)
        watch_input(w, p->lay->fonts[i].path);
    if (p->doc)   /* a replaced map or logo builds again too */
        doc_walk(p->doc->root, watch_image, w);
    if (p->doc && p->doc->logo)
        watch_input(w, p->doc->logo->image->path);
}

/* One build with this round's defaults; prints what it did. */
static void build_round(watcher *w, const cli_args *given)
{
    cli_args o = *given;
    diag_list dl;
    diag_init(&dl);
    build_defaults defaults;
    pipeline p = {0};
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool ok = build_fill_defaults(&o, &defaults, &dl) && build_once(&p, &o, &defaults, &dl);
    long ms = elapsed_ms(&t0);
    diag_print(&dl, stderr);
    ok = ok && diag_exit_status(&dl) == 0;
    if (ok && !o.quiet)
        build_print_written(&p, ms, stderr);
    else if (!ok && o.output)
        fprintf(stderr, _("kumihan watch: not rebuilt; %s still holds the last good build\n"), o.output);
    watch_inputs(w, &p, &o);
    fflush(stderr);
    pipeline_free(&p);
    diag_free(&dl);
    build_defaults_free(&defaults);
}

/* True if the events waiting on the inotify fd touch a watched file (or
 * the kernel dropped some: then a build is the safe guess). */
static bool read_events(watcher *w)
{
    _Alignas(struct inotify_event) char buf[4096 + sizeof(struct inotify_event) + NAME_MAX + 1];
    bool relevant = false;
    ssize_t n;
    while ((n = read(w->inotify_fd, buf, sizeof buf)) > 0) {
        for (char *at = buf; at < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)at;
            if (e->mask & IN_Q_OVERFLOW)
                relevant = true;
            for (size_t i = 0; e->len && i < w->files.n; i++)
                if (w->files.items[i].wd == e->wd && strcmp(w->files.items[i].name, e->name) == 0)
                    relevant = true;
            at += sizeof *e + e->len;
        }
    }
    return relevant;
}

typedef enum wait_result { WAIT_CHANGED, WAIT_QUIET, WAIT_STOP } wait_result;

/* Waits up to timeout_ms (-1: forever) for a change or a signal. */
static wait_result wait_for(watcher *w, int timeout_ms)
{
    for (;;) {
        struct pollfd fds[2] = {{w->signal_fd, POLLIN, 0}, {w->inotify_fd, POLLIN, 0}};
        int r = poll(fds, 2, timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r == 0 ? WAIT_QUIET : WAIT_STOP;
        if (fds[0].revents)
            return WAIT_STOP;
        if (read_events(w))
            return WAIT_CHANGED;
    }
}

/* The next change, after its burst has settled; false on a signal. */
static bool next_change(watcher *w)
{
    if (wait_for(w, -1) == WAIT_STOP)
        return false;
    wait_result r;
    while ((r = wait_for(w, DEBOUNCE_MS)) == WAIT_CHANGED)
        ;
    return r == WAIT_QUIET;
}

static bool watcher_open(watcher *w)
{
    *w = (watcher){.inotify_fd = -1, .signal_fd = -1};
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    if (sigprocmask(SIG_BLOCK, &stop, NULL) != 0)
        return false;
    w->signal_fd = signalfd(-1, &stop, SFD_CLOEXEC);
    w->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    return w->signal_fd >= 0 && w->inotify_fd >= 0;
}

static void watcher_close(watcher *w)
{
    forget_files(w);
    free(w->files.items);
    if (w->inotify_fd >= 0)
        close(w->inotify_fd);
    if (w->signal_fd >= 0)
        close(w->signal_fd);
}

int watch_run(const cli_args *o)
{
    watcher w;
    if (!watcher_open(&w)) {
        fprintf(stderr, _("kumihan watch: cannot watch for changes: %s\n"), strerror(errno));
        watcher_close(&w);
        return EXIT_IO;
    }
    build_round(&w, o);
    fprintf(stderr, w.n_inputs == 1 ? _("kumihan watch: watching %zu file for changes; Ctrl-C stops\n")
                                    : _("kumihan watch: watching %zu files for changes; Ctrl-C stops\n"),
            w.n_inputs);
    while (next_change(&w))
        build_round(&w, o);
    watcher_close(&w);
    return 0;
}
