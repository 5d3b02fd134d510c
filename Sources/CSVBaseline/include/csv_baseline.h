#ifndef CSV_BASELINE_H
#define CSV_BASELINE_H
#include <stddef.h>
#include <stdint.h>

/// The benchmark's reference: a plain C loop over libcsv with empty callbacks.
typedef struct {
    uint64_t bytes;
    uint64_t records;
    uint64_t fields;
    int status; /* 0 on success, else libcsv's error code or -1 when the file cannot be opened */
} csv_baseline_result;

/// Reads `path` in chunks of `chunk_size` bytes through libcsv (CSV_STRICT_FINI), counting records and fields.
csv_baseline_result csv_baseline_count(const char *path, size_t chunk_size, unsigned char delimiter);

#endif
