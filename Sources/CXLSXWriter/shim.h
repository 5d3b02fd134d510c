// Debian's libxlsxwriter-dev (apt-get install libxlsxwriter-dev). Only Sources/JunhengWorkbook/WorkbookWriter.swift imports this.
#include <xlsxwriter.h>
