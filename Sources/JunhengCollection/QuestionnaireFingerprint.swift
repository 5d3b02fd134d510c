import Crypto
public import Foundation
import JunhengCore
public import JunhengQuestionnaire

/// SHA-256 of a questionnaire file, as lowercase hex: stored with every response, so a response can
/// always be matched with the exact wording it answered, even after the file is edited.
public enum QuestionnaireFingerprint {
    /// The SHA-256 of `data`, as 64 hex digits.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The SHA-256 of the file `survey` was loaded from.
    ///
    /// - Throws: ``CollectionStoreError`` when the file cannot be read.
    public static func of(_ survey: Questionnaire) throws(CollectionStoreError) -> String {
        do {
            return sha256(try Data(contentsOf: URL(fileURLWithPath: survey.source)))
        } catch {
            throw CollectionStoreError(
                location: .init(file: survey.source),
                message: .init(
                    zh: "无法读取问卷文件（\(error.localizedDescription)）。",
                    en: "cannot read the questionnaire file (\(error.localizedDescription))."))
        }
    }
}
