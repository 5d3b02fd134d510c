import JunhengCore

/// What a satisfaction run is asked for, checked against the questionnaire before anything is read
/// (issue 9 case 10): a `--weights` group or a `--by` key the questionnaire does not have would
/// otherwise give a silent single row or a weighted rate over nothing.
enum SatisfactionRequest {
    static func check(survey: Questionnaire, by: [GroupingKey], settings: SatisfactionSettings)
        throws(SurveyDataError)
    {
        if let weights = settings.weights {
            let unknown = weights.keys.filter { !survey.groups.contains($0) }.sorted()
            if !unknown.isEmpty {
                let names = unknown.joined(separator: ", ")
                let groups = survey.groups.joined(separator: ", ")
                throw SurveyDataError(
                    location: nil,
                    message: LocalizedText(
                        zh: "--weights 中的 \(unknown.joined(separator: "、")) 不是问卷 \(survey.id) 的调查对象；"
                            + "可用：\(survey.groups.joined(separator: "、"))。",
                        en: "--weights names \(names), which is not a respondent group of questionnaire \(survey.id); "
                            + "its groups are: \(groups)."))
            }
        }
        for key in by {
            let asked: Bool
            let question: LocalizedText
            switch key {
            case .township:
                (asked, question) = (survey.question(role: .township) != nil, LocalizedText(zh: "乡镇", en: "township"))
            case .school:
                (asked, question) = (survey.question(role: .school) != nil, LocalizedText(zh: "学校", en: "school"))
            case .grade:
                (asked, question) = (survey.question(role: .grade) != nil, LocalizedText(zh: "年级", en: "grade"))
            case .dimension: (asked, question) = (!survey.dimensions.isEmpty, LocalizedText(zh: "维度", en: "dimension"))
            case .group, .item: continue
            }
            guard !asked else { continue }
            let text =
                key == .dimension
                ? LocalizedText(
                    zh: "问卷 \(survey.id) 没有定义维度（dimensions），--by dimension 只会得到一行“(无)”。",
                    en: "questionnaire \(survey.id) defines no dimensions, so --by dimension would give one row.")
                : LocalizedText(
                    zh: "问卷 \(survey.id) 没有\(question.zh)题（role: \(key.rawValue)），--by \(key.rawValue) 只会得到一行“(未填)”。",
                    en: "questionnaire \(survey.id) has no \(question.en) question (role: \(key.rawValue)), so --by "
                        + "\(key.rawValue) would give one row.")
            throw SurveyDataError(
                location: nil,
                message: text
                    + LocalizedText(
                        zh: "请换一个 --by（见 `junheng survey show \(survey.id)`）。",
                        en: " Choose another --by (see `junheng survey show \(survey.id)`)."))
        }
    }
}
