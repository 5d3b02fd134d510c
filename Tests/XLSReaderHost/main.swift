import Foundation
import JunhengIngest

// The .xls reader's child process for the tests, as `junheng read-xls-child` is for the program: the
// library's loop (XLSReaderChild), given the workbook's path. The tests that read .xls workbooks set
// XLSReaderProcess.current = .beside("XLSReaderHost").
exit(XLSReaderChild.serve(arguments: Array(CommandLine.arguments.dropFirst())))
