/* oom_test_util.h — checking the out-of-memory policy (xalloc.h: print
 * "kumihan: out of memory" and abort) from a cmocka test: the code under
 * test runs in a forked child whose stderr is captured.  Include after
 * cmocka.h. */
#ifndef KUMIHAN_OOM_TEST_UTIL_H
#define KUMIHAN_OOM_TEST_UTIL_H

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs what() in a child with stderr captured; returns the child's wait
 * status and its stderr in msg. */
static inline int run_child(void (*what)(void), char *msg, size_t size)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        dup2(fd[1], STDERR_FILENO);
        what();
        _exit(0);   /* not reached when the policy holds */
    }
    close(fd[1]);
    size_t n = 0;
    ssize_t got;
    while (n + 1 < size && (got = read(fd[0], msg + n, size - 1 - n)) > 0)
        n += (size_t)got;
    msg[n] = '\0';
    close(fd[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

static inline void expect_out_of_memory_abort(void (*what)(void))
{
    char msg[256];
    int status = run_child(what, msg, sizeof msg);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGABRT);
    assert_non_null(strstr(msg, "kumihan: out of memory\n"));
}

#endif
