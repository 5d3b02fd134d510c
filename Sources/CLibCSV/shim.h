// Debian's libcsv-dev (apt-get install libcsv-dev). Only Sources/JunhengIngest/LibCSVParser.swift imports this.
#include <csv.h>
