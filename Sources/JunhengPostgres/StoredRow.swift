import Foundation
import JunhengCollection
import JunhengCore

/// A row of `collected_responses` as read, before its answers are decoded.
struct StoredRow: Sendable {
    var id: Int64
    var oversize: Bool
    var answersBytes: Int
    var survey: String
    var surveySHA256: String
    var token: String
    var startedAt: Int64
    var submittedAt: Int64
    var township: String?
    var school: String?
    var ipHMAC: String
    var answers: String
    var county: String

    init(
        _ row: (Int64, Bool, Int32, String, String, String, Int64, Int64, String?, String?, String, String, String)
    ) {
        (
            id, oversize, _, survey, surveySHA256, token, startedAt, submittedAt, township, school, ipHMAC, answers,
            county
        ) =
            row
        answersBytes = Int(row.2)
    }

    func response(place: String) throws(CollectionStoreError) -> CollectedResponse {
        guard let decoded = try? JSONDecoder().decode(CollectedAnswers.self, from: Data(answers.utf8)) else {
            throw CollectionStoreError(
                location: SourceLocation(file: place),
                message: LocalizedText(
                    zh: "第 \(id) 份答卷的答案无法读取（不是 junheng 写入的格式）。",
                    en: "the answers of response \(id) cannot be read (not in the format junheng writes)."))
        }
        return CollectedResponse(
            id: id, survey: survey, surveySHA256: surveySHA256, token: token,
            startedAt: Date(timeIntervalSince1970: Double(startedAt) / 1000),
            submittedAt: Date(timeIntervalSince1970: Double(submittedAt) / 1000),
            link: LinkAnswers(township: township, school: school, county: county.isEmpty ? nil : county),
            county: county.isEmpty ? nil : county,
            ipHMAC: ipHMAC, answers: decoded)
    }
}
