// See include/jh_child_process.h.
#define _GNU_SOURCE
#include "jh_child_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

pid_t jh_spawn_confined(
    const char *path, char *const argv[], char *const envp[], int socket_fd, long long data_bytes, long cpu_seconds) {
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) return -errno;
    if (pid > 0) return pid;

    // The child, between fork and exec: only async-signal-safe calls (the parent has other threads).
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(127);
    struct rlimit data = {(rlim_t)data_bytes, (rlim_t)data_bytes};
    struct rlimit cpu = {(rlim_t)cpu_seconds, (rlim_t)cpu_seconds + 1};
    if ((data_bytes > 0 && setrlimit(RLIMIT_DATA, &data) != 0) || setrlimit(RLIMIT_CPU, &cpu) != 0) _exit(127);
    struct sigaction fallback = {0};
    fallback.sa_handler = SIG_DFL;
    for (int signal = 1; signal < NSIG; signal++) sigaction(signal, &fallback, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    // A socket at 0, 1 or 2 is moved up first (dup2 onto itself would leave it closed at exec).
    int fd = socket_fd > 2 ? socket_fd : fcntl(socket_fd, F_DUPFD, 3);
    if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0) _exit(127);
    int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, 2) < 0) _exit(127);
    syscall(SYS_close_range, 3U, ~0U, 0U);
    execve(path, argv, envp);
    _exit(127);
}
