/* The slot launcher: lives inside one run slot's cgroups and starts each jailed run from there.
 *
 * Moving a process into a cgroup v1 group costs milliseconds (the kernel waits for an RCU grace period), more
 * than the rest of a run's overhead; a child forked inside the group is in it from birth at no cost. So each
 * slot keeps one launcher, moved into its groups once, and every run is forked from it.
 *
 * Protocol on the SOCK_SEQPACKET socket named by argv[1]: a request is one message holding the command's argv
 * (each argument followed by a NUL byte) with four descriptors attached (stdin, stdout, stderr, report), which
 * the child receives as 0, 1, 2 and 3. The launcher answers "<pid>" once the child exists, then
 * "<wait status> <user seconds> <system seconds> <max rss KiB> <end time>" when it has ended, the end time read
 * from CLOCK_MONOTONIC as soon as the child is reaped (it orders the ends of two jails talking to each other,
 * free of our own scheduling). It exits when the socket closes. It is never the OOM killer's choice (oom_score_adj -1000); its children are ordinary again.
 *
 * usage: launcher SOCKET_FD
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_MESSAGE (1 << 17)
#define MAX_ARGS 4096
#define FDS 4

static void set_oom_score_adj(const char *value) {
    int fd = open("/proc/self/oom_score_adj", O_WRONLY);
    if (fd >= 0) {
        if (write(fd, value, strlen(value)) < 0) { /* best effort */ }
        close(fd);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fputs("usage: launcher SOCKET_FD\n", stderr);
        return 2;
    }
    int sock = atoi(argv[1]);
    static char buffer[MAX_MESSAGE];
    static char *args[MAX_ARGS + 1];
    set_oom_score_adj("-1000");
    for (;;) {
        char control[CMSG_SPACE(sizeof(int) * FDS)];
        struct iovec iov = {buffer, sizeof buffer};
        struct msghdr message = {0};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        ssize_t size = recvmsg(sock, &message, MSG_CMSG_CLOEXEC);
        if (size < 0 && errno == EINTR) continue;
        if (size <= 0) return 0;
        int well_formed = !(message.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) && buffer[size - 1] == '\0';
        int fds[FDS];
        int count = 0;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
                if (count > FDS) count = FDS;
                memcpy(fds, CMSG_DATA(c), sizeof(int) * count);
            }
        }
        int nargs = 0;
        if (well_formed) {
            for (ssize_t i = 0; i < size && nargs < MAX_ARGS; i += (ssize_t)strlen(buffer + i) + 1) {
                args[nargs++] = buffer + i;
            }
        }
        args[nargs] = NULL;
        if (count != FDS || nargs == 0) {
            for (int i = 0; i < count; i++) close(fds[i]);
            send(sock, "error bad request", 17, 0);
            continue;
        }
        pid_t child = fork();
        if (child == 0) {
            set_oom_score_adj("0");
            for (int i = 0; i < FDS; i++) {
                if (dup2(fds[i], i) < 0) _exit(126);
            }
            execv(args[0], args);
            _exit(127);
        }
        for (int i = 0; i < FDS; i++) close(fds[i]);
        char reply[160];
        int length = snprintf(reply, sizeof reply, "%d", child < 0 ? -errno : (int)child);
        send(sock, reply, (size_t)length, 0);
        if (child < 0) continue;
        int status = 0;
        struct rusage usage;
        while (wait4(child, &status, 0, &usage) < 0) {
            if (errno != EINTR) break;
        }
        struct timespec ended;
        clock_gettime(CLOCK_MONOTONIC, &ended);
        length = snprintf(reply, sizeof reply, "%d %ld.%06ld %ld.%06ld %ld %ld.%09ld", status,
                          (long)usage.ru_utime.tv_sec, (long)usage.ru_utime.tv_usec, (long)usage.ru_stime.tv_sec,
                          (long)usage.ru_stime.tv_usec, usage.ru_maxrss, (long)ended.tv_sec, ended.tv_nsec);
        send(sock, reply, (size_t)length, 0);
    }
}
