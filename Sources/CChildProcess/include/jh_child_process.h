// Starting a program in a box of its own: the .xls reader runs libfreexl in a child process, so that a crash,
// a hang or a runaway allocation in the C library ends the child, never junheng. What must happen between
// fork and exec (limits, the parent-death signal, closing every inherited descriptor) cannot be written in
// Swift, whose Glibc module lacks prctl(2) and posix_spawn's closefrom. Sources/JunhengIngest/ChildProcess.swift
// is the one Swift file that uses it.
#ifndef JH_CHILD_PROCESS_H
#define JH_CHILD_PROCESS_H

#include <sys/types.h>

// Starts `path` with `argv` and `envp` (NULL-terminated). In the child: descriptors 0 and 1 are `socket_fd`,
// 2 is /dev/null, every other descriptor is closed; signals are at their defaults and unblocked; it is killed
// when the parent ends (PR_SET_PDEATHSIG); its data segment (heap and private mappings, RLIMIT_DATA) is at
// most `data_bytes` (no limit when 0) and its processor time (RLIMIT_CPU) at most `cpu_seconds`.
//
// Returns the child's pid, or -errno when fork fails. A child that cannot run `path` exits with status 127.
pid_t jh_spawn_confined(
    const char *path, char *const argv[], char *const envp[], int socket_fd, long long data_bytes, long cpu_seconds);

#endif
