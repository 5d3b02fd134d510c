// Debian's libxlsxwriter-dev (apt-get install libxlsxwriter-dev). Only the workbook writer in JunhengReports imports this.
#include <xlsxwriter.h>
