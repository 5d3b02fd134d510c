#include "csv_baseline.h"
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static void on_field(void *data, size_t len, void *ctx) {
    (void)data;
    (void)len;
    ((csv_baseline_result *)ctx)->fields++;
}

static void on_record(int terminator, void *ctx) {
    (void)terminator;
    ((csv_baseline_result *)ctx)->records++;
}

csv_baseline_result csv_baseline_count(const char *path, size_t chunk_size, unsigned char delimiter) {
    csv_baseline_result result = {0, 0, 0, 0};
    FILE *file = fopen(path, "rb");
    if (!file) {
        result.status = -1;
        return result;
    }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT_FINI) != 0) {
        fclose(file);
        result.status = CSV_ENOMEM;
        return result;
    }
    csv_set_delim(&parser, delimiter);
    unsigned char *buffer = malloc(chunk_size);
    size_t got;
    while ((got = fread(buffer, 1, chunk_size, file)) > 0) {
        result.bytes += got;
        if (csv_parse(&parser, buffer, got, on_field, on_record, &result) != got) {
            result.status = csv_error(&parser);
            break;
        }
    }
    if (result.status == 0 && csv_fini(&parser, on_field, on_record, &result) != 0) {
        result.status = csv_error(&parser);
    }
    csv_free(&parser);
    free(buffer);
    fclose(file);
    return result;
}
