import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// What the duplicate screen's hash tells apart: the cells exactly, however they lie in the row.
@Suite struct ResponseHashTests {
    /// The fingerprint of `cells` fed as one run of `count` cells from a row that holds `before` first.
    func fingerprint(_ cells: [String], count: Int? = nil, before: [String] = []) -> UInt64 {
        CSVRow.withCopy(of: CSVRecord(line: 2, fields: before + cells), file: "hash.csv") { row in
            var hash = ResponseHash()
            ReaderRow(row: row).feedCells(from: before.count, count: count ?? cells.count, into: &hash)
            return hash.fingerprint
        }
    }

    @Test func whereTheBytesSplitIntoCellsCounts() {
        #expect(fingerprint(["ab", "c"]) != fingerprint(["a", "bc"]))
        #expect(fingerprint(["", "abc"]) != fingerprint(["abc", ""]))
    }

    /// A cell the row lacks reads as empty, as ``ReaderRow/bytes(_:)`` gives it; one more empty cell in the
    /// run is another response.
    @Test func aMissingCellIsAnEmptyCellAndTheNumberOfCellsCounts() {
        #expect(fingerprint(["满意", "a"], count: 3) == fingerprint(["满意", "a", ""]))
        #expect(fingerprint(["满意", "a"]) != fingerprint(["满意", "a", ""]))
    }

    /// The same cells after other fields (the run starts further into the row's buffer) hash alike.
    @Test func theSameCellsHashAlikeWhereverTheRunStarts() {
        let cells = ["非常满意", "满意", "", "家长┋教师", "一段较长的意见，超过十六个字节"]
        #expect(fingerprint(cells) == fingerprint(cells, before: ["1", "2024/5/1 0:00:02", "121.0.0.1"]))
    }

    /// Every byte counts, at every position of values 1–40 bytes long (16 a step, then 8, then the rest).
    @Test func everyByteOfAValueCounts() {
        for length in 1...40 {
            let value = String(repeating: "a", count: length)
            let original = fingerprint([value, "x"])
            for position in 0..<length {
                var bytes = Array(value.utf8)
                bytes[position] = UInt8(ascii: "b")
                let changed = String(decoding: bytes, as: UTF8.self)
                #expect(fingerprint([changed, "x"]) != original, "length \(length), byte \(position)")
            }
        }
    }
}
