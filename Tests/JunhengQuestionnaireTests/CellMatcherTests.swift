import Testing

@testable import JunhengQuestionnaire

/// ``CellMatcher/quick(_:_:)``, the shortcut for a one-option cell, against the full
/// ``CellMatcher/read(_:_:options:)``: where it answers at all, it answers as the full read does.
@Suite struct CellMatcherTests {
    /// One reader a question (a matrix: its first row), in text mode, column = question number − 1.
    static func matcher() throws -> CellMatcher {
        let survey = try QuestionnaireLoader.parse(yaml: FrequencyAccumulatorTests.yaml, file: "freq.yaml")
        let readers = survey.questions.indices.map { index in
            let question = survey.questions[index]
            let kind: WjxColumnReader.Kind =
                question.rows.isEmpty ? .answer(question: index) : .row(question: index, row: 0)
            return WjxColumnReader(column: index, kind: kind, question: question, mode: .text)
        }
        return CellMatcher(readers: readers)
    }

    /// Every option text, each cut short, lengthened and spaced, skip markers, numbers, a 〖〗 answer,
    /// a multiple choice, and values of 15 to 17 bytes around the shortcut's limit.
    static let cells: [String] = {
        let texts = ["家长", "教师", "满意", "基本满意", "不满意", "不了解", "课程", "作业", "其他【请注明】", "城区", "乡镇"]
        var cells = texts
        for text in texts {
            cells += [String(text.dropLast()), text + "了", " " + text, text + " ", text + "〖自填〗"]
        }
        cells += ["(跳过)", "(空)", "-3", "-2", "1", "2", "0", "", "课程┋作业", "满意满意", "ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNOP"]
        cells += ["ABCDEFGHIJKLMNOPQ", "满意满意满意满意满意满"]
        return cells
    }()

    @Test func theShortcutAnswersAsTheFullReadWhereverItAnswers() throws {
        let matcher = try Self.matcher()
        for index in 0..<6 {
            for cell in Self.cells {
                var bytes = Array(cell.utf8)
                bytes.withUnsafeMutableBufferPointer { buffer in
                    let cellBytes = UnsafeBufferPointer(buffer)
                    var options: UInt64 = 0
                    let full = matcher.read(index, cellBytes, options: &options)
                    if let quick = matcher.quick(index, cellBytes) {
                        #expect(quick == full, "column \(index), cell “\(cell)”")
                    }
                }
            }
        }
    }

    /// The scale's options and the single choice's are found by the shortcut (it is not always `nil`).
    @Test func theShortcutFindsTheOptionsOfOneOptionColumns() throws {
        let matcher = try Self.matcher()
        let expected: [(column: Int, cell: String, option: Int32)] = [
            (0, "家长", 0), (0, "教师", 1), (1, "满意", 0), (1, "基本满意", 1), (1, "不满意", 2), (1, "不了解", 3),
            (3, "不满意", 1), (5, "乡镇", 1),
        ]
        for (column, cell, option) in expected {
            var bytes = Array(cell.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { matcher.quick(column, UnsafeBufferPointer($0)) }
            #expect(found == option, "column \(column), cell “\(cell)”")
        }
    }
}
