/* The jail's init: runs the program as its child and reports how it ended.
 *
 * A program that is itself pid 1 of its namespace ignores its own signals (abort(), kill(getpid())), which
 * would hide its crashes; as init's child it is an ordinary process. Init waits for it and writes one line
 * to the descriptor named by argv[1]: "exit_code signal user_seconds system_seconds max_rss_kib". Those are the
 * program's own figures, free of the jail's start-up. Built once per sandbox cache from this file.
 *
 * usage: init REPORT_FD PROGRAM [ARGS...]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: init REPORT_FD PROGRAM [ARGS...]\n", stderr);
        return 126;
    }
    int report_fd = atoi(argv[1]);
    pid_t child = fork();
    if (child < 0) {
        perror("init: fork");
        return 126;
    }
    if (child == 0) {
        close(report_fd);
        execv(argv[2], argv + 2);
        perror("init: exec");
        _exit(127);
    }
    close(STDIN_FILENO);
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("init: wait");
            return 126;
        }
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    dprintf(report_fd, "%d %d %ld.%06ld %ld.%06ld %ld\n", code, signal, (long)usage.ru_utime.tv_sec,
            (long)usage.ru_utime.tv_usec, (long)usage.ru_stime.tv_sec, (long)usage.ru_stime.tv_usec,
            usage.ru_maxrss);
    close(report_fd);
    return WIFEXITED(status) ? code : 128 + signal;
}
