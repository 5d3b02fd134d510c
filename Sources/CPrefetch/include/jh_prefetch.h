// A hint to the processor: fetch the cache line at `address` now, for a read a little later.
// The satisfaction pipeline's duplicate screen asks for a fingerprint's slot this way while it reads
// the response's cells (Sources/JunhengIngest/Storage/Prefetch.swift is the one Swift file that uses it).
#ifndef JH_PREFETCH_H
#define JH_PREFETCH_H

static inline void jh_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
