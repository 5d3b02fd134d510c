import Foundation
import JunhengCore
import Testing

@testable import JunhengIngest

/// A file cut inside a character is the same fatal error however long it is, and the message gives
/// the evidence for the encoding; a tiny GBK file is still GB18030 (issue 10, "Encoding detection").
@Suite struct TruncatedFileTests {
    func readError(_ path: String, _ options: CSVReadOptions = CSVReadOptions()) -> IngestError? {
        do {
            _ = try CSVFile(path: path, options: options).scan { try $0.validate() }
            return nil
        } catch {
            return error as? IngestError
        }
    }

    /// `a,b\n1,` and the first two bytes of 序 (E5 BA 8F): 8 bytes, no BOM.
    static let eightBytes: [UInt8] = [0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xE5, 0xBA]

    @Test func anEightByteFileCutInsideACharacterIsFatal() {
        let path = temporaryFile(Self.eightBytes)
        let error = readError(path)
        #expect(error?.kind == .truncatedCharacter)
        #expect(error?.location == SourceLocation(file: path, line: 2, column: 2))
        #expect(
            error?.message.en
                == "The file ends inside a character: its last bytes 0xE5 0xBA begin a utf-8 character that never "
                + "ends. It was probably cut off while downloading or copying: export or download it again. (Read "
                + "as UTF-8 because every byte before them is valid UTF-8. If it is a GBK/GB18030 file instead, pass "
                + "--encoding gb18030.)")
    }

    /// The same cut after 100,000 rows (past the 1 MiB sniff window): the same error.
    @Test func aLongFileCutInsideACharacterIsTheSameError() {
        let rows = String(repeating: "1,城关镇\n", count: 100_000)
        let path = temporaryFile(Array(("a,b\n" + rows + "2,").utf8) + [0xE5, 0xBA])
        let error = readError(path)
        #expect(error?.kind == .truncatedCharacter)
        #expect(error?.location?.line == 100_002)
        #expect(error?.message == readError(temporaryFile(Self.eightBytes))?.message)
    }

    /// E5 BA is also the GB18030 character 搴: with `--encoding gb18030` the same bytes read as such.
    @Test func theEncodingOptionReadsTheOtherWay() throws {
        let table = try CSVTable.read(path: temporaryFile(Self.eightBytes), options: CSVReadOptions(encoding: .gb18030))
        #expect(table.records.map(\.fields) == [["1", "搴"]])
    }

    /// "1,家长\n" in GBK (BC D2 B3 A4) is not UTF-8 at all: a tiny GBK file is still GB18030.
    @Test func aTinyGBKFileIsStillGB18030() throws {
        let table = try CSVTable.read(
            path: temporaryFile([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xBC, 0xD2, 0xB3, 0xA4]))
        #expect(table.encoding == .gb18030)
        #expect(table.records.map(\.fields) == [["1", "家长"]])
    }

    /// A GB18030 file whose last character lost its second byte (家 = BC D2, cut after BC).
    @Test func aGB18030FileCutInsideACharacterIsFatal() {
        let path = temporaryFile([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0xB3, 0xA4, 0xBC])
        let error = readError(path, CSVReadOptions(encoding: .gb18030))
        #expect(error?.kind == .truncatedCharacter)
        #expect(
            error?.message.en.hasPrefix("The file ends inside a character: its last bytes 0xBC begin a gb18030") == true
        )
        #expect(error?.message.en.contains("--encoding gb18030") == false)
    }

    /// UTF-16 needs two bytes a character: an odd last byte is a cut character.
    @Test func aUTF16FileWithAnOddLastByteIsFatal() {
        let path = temporaryFile([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x31])
        #expect(readError(path)?.kind == .truncatedCharacter)
    }

    @Test func aFileEndingOnAWholeCharacterIsRead() throws {
        let table = try CSVTable.read(path: temporaryFile("a,b\n1,序"))
        #expect(table.records.map(\.fields) == [["1", "序"]])
    }
}
