import Foundation
import JunhengCore
import ZIPFoundation

/// A minimal .xlsx package written by a test (with ZIPFoundation): one sheet named `S`, whose part is
/// given as text or made on the fly (for parts too large to hold), and shared strings when given.
/// Each test shows the XML it writes.
struct XLSXBuilder {
    /// A part's bytes: its size, and the bytes at an offset.
    struct Part {
        var size: Int
        var bytes: @Sendable (_ offset: Int, _ count: Int) -> Data

        static func text(_ text: String) -> Part {
            let data = Data(text.utf8)
            return Part(size: data.count) { offset, count in data.subdata(in: offset..<offset + count) }
        }

        /// `head`, then `unit` `count` times, then `tail`: megabytes of XML without holding them.
        static func repeating(head: String, unit: String, count: Int, tail: String) -> Part {
            let (head, unit, tail) = (Array(head.utf8), Array(unit.utf8), Array(tail.utf8))
            let size = head.count + unit.count * count + tail.count
            return Part(size: size) { offset, length in
                Data(
                    (offset..<offset + length).map { index in
                        if index < head.count { return head[index] }
                        let body = index - head.count
                        if body < unit.count * count { return unit[body % unit.count] }
                        return tail[body - unit.count * count]
                    })
            }
        }
    }

    static let sheetHead =
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    static let sheetTail = "</sheetData></worksheet>"
    /// A header row `a`, `b`.
    static let headerRow =
        #"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>"#

    /// A sheet part: the header row, `rows`, the end.
    static func sheet(_ rows: String) -> Part {
        .text(sheetHead + headerRow + rows + sheetTail)
    }

    /// Writes the package to a new temporary file and returns its path.
    static func write(sheet: Part, sharedStrings: Part? = nil) throws -> String {
        let path = temporaryFile([], name: "book.xlsx")
        try FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let relations =
            sharedStrings == nil
            ? ""
            : #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        let parts: [(String, Part)] =
            [
                (
                    "[Content_Types].xml",
                    .text(
                        #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
                    )
                ),
                (
                    "_rels/.rels",
                    .text(
                        #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                    )
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    .text(
                        #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
                            + relations + "</Relationships>")
                ),
                (
                    "xl/workbook.xml",
                    .text(
                        #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                    )
                ),
            ] + (sharedStrings.map { [("xl/sharedStrings.xml", $0)] } ?? []) + [("xl/worksheets/sheet1.xml", sheet)]
        for (name, part) in parts {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(part.size), compressionMethod: .deflate,
                provider: { position, size in part.bytes(Int(position), size) })
        }
        return path
    }

    /// Rewrites the size the central directory gives the sheet's part (what the reader trusts), as a
    /// forged or damaged archive would have it.
    static func forgeSheetSize(in path: String, to size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        // Central directory file headers: signature 0x02014b50; uncompressed size at +24, name at +46.
        for index in 0..<(bytes.count - 46 - name.count)
        where bytes[index..<index + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02])
            && bytes[index + 46..<index + 46 + name.count].elementsEqual(name)
        {
            for byte in 0..<4 { bytes[index + 24 + byte] = UInt8(truncatingIfNeeded: size >> (8 * UInt32(byte))) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Flips 16 bytes in the middle (at `fraction`) of the sheet part's compressed data.
    static func flipSixteenBytes(in path: String, at fraction: Double) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        guard let entry = archive["xl/worksheets/sheet1.xml"] else { throw CocoaError(.fileReadCorruptFile) }
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        // The local header (signature 0x04034b50): 30 bytes, the name, the extra field, then the data.
        guard
            let header = (0..<(bytes.count - 30 - name.count)).first(where: { index in
                bytes[index..<index + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04])
                    && bytes[index + 30..<index + 30 + name.count].elementsEqual(name)
            })
        else { throw CocoaError(.fileReadCorruptFile) }
        let extraLength = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        let start = header + 30 + name.count + extraLength + Int(Double(entry.compressedSize) * fraction)
        for index in start..<start + 16 { bytes[index] ^= 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
