// glibc's allocator setting for large blocks (mallopt(3) lives in <malloc.h>, which Swift's Glibc module
// does not bring in). Sources/JunhengCore/MemoryPolicy.swift is the one Swift file that uses it.
#ifndef JH_MEMORY_POLICY_H
#define JH_MEMORY_POLICY_H

#include <malloc.h>

// Blocks of at least `bytes` get pages of their own (mmap), returned to the system when freed; fixing the
// threshold turns off glibc's raising of it. Returns mallopt's result: 1 on success, 0 on failure.
static inline int jh_fix_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }

#endif
