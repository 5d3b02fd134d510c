import Foundation
import JunhengCore

/// Writes to standard error: errors as `junheng: FILE:LINE:COLUMN: message`, and notes.
enum Terminal {
    /// Every line of `error`, each prefixed with `junheng: `.
    static func error(_ error: any UserFacingError, language: Language) {
        write(error.lines(in: language).map { "junheng: " + $0 }.joined(separator: "\n") + "\n")
    }

    /// ArgumentParser's own message for a bad command line (`Error: …` and the usage), as `junheng: …`, in
    /// the language of the run.
    static func error(_ text: String, language: Language) {
        var text = text
        if text.hasPrefix("Error: ") { text = String(text.dropFirst("Error: ".count)) }
        if language == .zh { text = ArgumentParserText.chinese(text) }
        write("junheng: " + text + "\n")
    }

    /// A line already written as `junheng: FILE:LINE:COLUMN: message`.
    static func error(_ line: String) {
        write(line + "\n")
    }

    /// A line for the user that is not the command's output (e.g. what `--save` stored).
    static func note(_ text: String) {
        write(text + "\n")
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
