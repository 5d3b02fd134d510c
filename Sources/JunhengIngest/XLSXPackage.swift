import Foundation
import FoundationXML
import JunhengCore
import ZIPFoundation

/// An .xlsx workbook opened as the ZIP package it is (ECMA-376 Part 2, Open Packaging Conventions):
/// where its workbook, worksheets, shared strings and styles are, and each part read as a stream.
///
/// Only the small parts (relationships, the workbook, styles) are read whole; the shared strings are
/// kept compactly (``XLSXSharedStrings``) and a worksheet is read row by row (``XLSXSheetReader``).
final class XLSXPackage {
    let path: String
    private let archive: Archive
    /// The worksheets in workbook order: their names and parts.
    private(set) var sheets: [(name: String, part: String)] = []
    private var sharedStringsPart: String?
    private var stylesPart: String?
    /// The workbook counts dates from 1904 (`<workbookPr date1904="1"/>`).
    private(set) var uses1904 = false

    /// The most a small part (relationships, workbook, styles) may inflate to (64 MiB).
    static let smallPartLimit = 64 << 20

    /// Opens the package and finds its parts.
    ///
    /// - Throws: ``IngestError``: the file cannot be opened, or it is not a readable workbook.
    init(path: String) throws(IngestError) {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw WorkbookProblems.cannotOpen(file: path)
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookProblems.damaged(file: path, detail: "not a readable ZIP archive")
        }
        let rootRelations = try relations(of: "")
        let workbookPart =
            rootRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        let workbookRelations = try relations(of: workbookPart)
        let byID = Dictionary(workbookRelations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sharedStringsPart = workbookRelations.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = workbookRelations.first { $0.type.hasSuffix("/styles") }?.target

        var sheets: [(name: String, part: String)] = []
        var uses1904 = false
        let failure = XMLEvents.parse(try data(of: workbookPart)) { path, name, attributes in
            if name == "workbookPr", let value = attributes["date1904"] {
                uses1904 = value == "1" || value.lowercased() == "true"
            } else if name == "sheet", path.last == "sheets", let name = attributes["name"],
                let id = attributes.first(where: { $0.key.hasSuffix(":id") })?.value,
                let relation = byID[id], relation.type.hasSuffix("/worksheet")
            {
                sheets.append((name, relation.target))
            }
        }
        if let failure { throw WorkbookProblems.damaged(file: path, detail: "workbook part, \(failure)") }
        self.sheets = sheets
        self.uses1904 = uses1904
        if sheets.isEmpty { throw WorkbookProblems.noSheets(file: path) }
    }

    // MARK: - Parts

    /// The shared strings (an empty table when the workbook has none); a string over `limits.fieldBytes`
    /// is marked, not kept (``XLSXSharedStrings``).
    func sharedStrings(limits: CSVLimits = CSVLimits()) throws(IngestError) -> XLSXSharedStrings {
        guard let part = sharedStringsPart, let entry = archive[part] else { return XLSXSharedStrings() }
        try checkInflation(of: entry, part: part)
        let stream = ZipEntryStream(archive: archive, entry: entry)
        defer { stream.close() }
        switch XLSXSharedStrings.read(stream, fieldBytes: limits.fieldBytes) {
        case .success(let table): return table
        case .failure(.damaged(let error)): throw damaged(error)
        case .failure(.tooLarge): throw WorkbookProblems.sharedStringsTooLarge(file: path)
        }
    }

    /// The cell formats (none when the workbook has no styles part: every number is a plain number).
    func styles() throws(IngestError) -> XLSXStyles {
        guard let part = stylesPart, archive[part] != nil else { return XLSXStyles() }
        switch XLSXStyles.parse(try data(of: part)) {
        case .success(let styles): return styles
        case .failure(let error): throw damaged(error)
        }
    }

    /// Reads worksheet `part` row by row (see ``XLSXSheetReader``).
    ///
    /// - Throws: ``IngestError`` for a damaged part or cell; an error thrown by `row` as is.
    func readSheet(
        part: String, name: String, strings: XLSXSharedStrings, styles: XLSXStyles, limits: CSVLimits = CSVLimits(),
        progress: ((_ inflated: Int, _ total: Int) -> Void)? = nil,
        row: @escaping (_ number: Int, _ cells: [String]) throws -> Void
    ) throws {
        guard let entry = archive[part] else {
            throw WorkbookProblems.damaged(file: path, detail: "the part \(part) of sheet \(name) is missing")
        }
        try checkInflation(of: entry, part: part)
        let stream = ZipEntryStream(archive: archive, entry: entry)
        defer { stream.close() }
        let parser = XMLParser(stream: stream)
        let total = Int(exactly: entry.uncompressedSize) ?? Int.max
        let reader = XLSXSheetReader(
            strings: strings, styles: styles, uses1904: uses1904, file: path, sheet: name, limits: limits,
            row: { number, cells in
                try row(number, cells)
                progress?(stream.delivered, total)
            })
        parser.delegate = reader
        let parsed = parser.parse()
        if let failure = reader.failure { throw failure }
        if let refusal = stream.streamError as? XMLPrologCheck.Refusal {
            throw WorkbookProblems.damaged(file: path, detail: "sheet \(name): \(part): \(refusal)")
        }
        if let streamError = stream.streamError {
            throw WorkbookProblems.damaged(
                file: path, detail: "sheet \(name): \(part) cannot be inflated (\(streamError))")
        }
        guard parsed, reader.xmlError == nil, reader.sawEnd else {
            let detail = reader.xmlError ?? "line \(parser.lineNumber): the XML ends early"
            throw WorkbookProblems.damaged(file: path, detail: "sheet \(name), \(detail)")
        }
    }

    // MARK: - Small parts

    /// One relationship of a part (`_rels/*.rels`), its target resolved to a path in the package.
    private struct Relation {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `part` (`""` for the package itself).
    private func relations(of part: String) throws(IngestError) -> [Relation] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let relationsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard archive[relationsPart] != nil else { return [] }
        var relations: [Relation] = []
        let failure = XMLEvents.parse(try data(of: relationsPart)) { _, name, attributes in
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                attributes["TargetMode"] != "External"
            else { return }
            relations.append(Relation(id: id, type: attributes["Type"] ?? "", target: Self.resolve(target, in: folder)))
        }
        if let failure { throw WorkbookProblems.damaged(file: path, detail: "\(relationsPart), \(failure)") }
        return relations
    }

    /// Refuses `entry` before a byte of it is inflated when the sizes the archive gives are beyond any
    /// real workbook's (``ZipInflationLimit``).
    private func checkInflation(of entry: Entry, part: String) throws(IngestError) {
        if let refusal = ZipInflationLimit.refusal(inflated: entry.uncompressedSize, compressed: entry.compressedSize) {
            throw WorkbookProblems.partTooLarge(file: path, part: part, refusal)
        }
    }

    /// A whole small part (never past ``smallPartLimit``, nor past the size the archive gives it).
    private func data(of part: String) throws(IngestError) -> Data {
        guard let entry = archive[part] else {
            throw WorkbookProblems.damaged(file: path, detail: "the part \(part) is missing")
        }
        guard entry.uncompressedSize <= Self.smallPartLimit else {
            throw WorkbookProblems.damaged(file: path, detail: "the part \(part) is larger than 64 MiB")
        }
        try checkInflation(of: entry, part: part)
        var data = Data()
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > Self.smallPartLimit || UInt64(data.count) > entry.uncompressedSize {
                    throw ZipExtractionJob.Overrun(declared: entry.uncompressedSize)
                }
            }
            guard checksum == entry.checksum else {
                throw WorkbookProblems.damaged(file: path, detail: "the part \(part) fails its checksum")
            }
        } catch let error as IngestError {
            throw error
        } catch {
            throw WorkbookProblems.damaged(file: path, detail: "the part \(part) cannot be inflated")
        }
        return data
    }

    private func damaged(_ error: WorkbookPartError) -> IngestError {
        WorkbookProblems.damaged(file: path, detail: "\(error.part): \(error.detail)")
    }

    /// A relationship target as a path in the package: absolute (`/xl/…`) from the root, else relative
    /// to the folder of the part it belongs to, with `..` resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return parts.joined(separator: "/")
    }
}
