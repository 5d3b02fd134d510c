import Foundation
import JunhengCore

extension CollectedAnswers {
    /// The answers as every store keeps them: JSON with sorted keys, `{"field": ["value", …]}`.
    ///
    /// - Throws: ``CollectionStoreError`` naming `place` when they cannot be encoded.
    public func storedJSON(place: String) throws(CollectionStoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else {
            throw CollectionStoreError(
                location: SourceLocation(file: place),
                message: LocalizedText(zh: "答案无法编码。", en: "the answers cannot be encoded."))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
