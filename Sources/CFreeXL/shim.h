// Debian's libfreexl-dev (apt-get install libfreexl-dev): reads .xls (BIFF 2–8) workbooks.
// Only Sources/JunhengIngest/FreeXLReader.swift imports this.
#include <freexl.h>
