import JunhengCore
public import JunhengQuestionnaire

/// Checks a submitted form against its questionnaire, on the server, by the same definitions the
/// analysis reads: every value must be an option of its question, required questions answered, one
/// choice where one is asked, typed text within its length, and the answers a signed link fixes taken
/// from the link, never from the form.
public enum FormValidator {
    /// Checks `fields` (as posted) against `survey`; `link` holds the answers fixed by a signed link.
    public static func check(_ fields: FormFields, survey: Questionnaire, link: LinkAnswers = .none) -> FormCheck {
        var answers = CollectedAnswers()
        var problems: [String: LocalizedText] = [:]
        for question in survey.questions {
            if let fixed = FormRules.fixedValue(of: question, link: link) {
                if question.type != .text, !question.options.contains(where: { $0.text == fixed }) {
                    problems[question.id] = LocalizedText(
                        zh: "链接中的“\(fixed)”不是此题的选项，请向发放链接的单位索取新链接。",
                        en: "The link's “\(fixed)” is not an option of this question; ask for a new link.")
                }
                answers[question.id] = [fixed]
                continue
            }
            if let problem = check(question, fields: fields, into: &answers) {
                problems[question.id] = problem
            }
        }
        return FormCheck(answers: answers, problems: problems)
    }

    // MARK: - One question

    private static func check(_ question: Question, fields: FormFields, into answers: inout CollectedAnswers)
        -> LocalizedText?
    {
        let required = FormRules.isRequired(question)
        switch question.type {
        case .text:
            let values = fields.values(question.id)
            guard values.count <= 1 else { return sentTwice }
            let text = clean(values.first ?? "")
            guard text.count <= FormRules.maximumTextLength else { return tooLong(FormRules.maximumTextLength) }
            if text.isEmpty { return required ? answerPlease : nil }
            answers[question.id] = [text]
            return nil
        case .single, .scale:
            let values = fields.values(question.id)
            guard values.count <= 1 else { return oneOnly }
            guard let value = values.first, !value.isEmpty else { return required ? choosePlease : nil }
            guard let option = question.options.first(where: { $0.text == value }) else { return notAnOption(value) }
            answers[question.id] = [value]
            return other(question, chosen: [option], fields: fields, into: &answers)
        case .multiple:
            let values = fields.values(question.id).filter { !$0.isEmpty }
            var chosen: [QuestionOption] = []
            for value in values {
                guard question.options.contains(where: { $0.text == value }) else { return notAnOption(value) }
            }
            chosen = question.options.filter { values.contains($0.text) }
            if chosen.isEmpty { return required ? chooseSome : nil }
            answers[question.id] = chosen.map(\.text)
            return other(question, chosen: chosen, fields: fields, into: &answers)
        case .matrix:
            var missing: [String] = []
            for row in question.rows {
                let field = FormRules.rowField(question, row)
                let values = fields.values(field)
                guard values.count <= 1 else { return oneOnly }
                guard let value = values.first, !value.isEmpty else {
                    if required { missing.append(row.text) }
                    continue
                }
                guard question.options.contains(where: { $0.text == value }) else { return notAnOption(value) }
                answers[field] = [value]
            }
            if !missing.isEmpty {
                return LocalizedText(
                    zh: "请回答每一行（未答：\(missing.joined(separator: "、"))）。",
                    en: "Please answer every row (not answered: \(missing.joined(separator: "; "))).")
            }
            return nil
        }
    }

    /// Keeps the typed "other" text when an option that takes one was chosen.
    private static func other(
        _ question: Question, chosen: [QuestionOption], fields: FormFields, into answers: inout CollectedAnswers
    ) -> LocalizedText? {
        guard chosen.contains(where: FormRules.takesOtherText) else { return nil }
        let values = fields.values(FormRules.otherField(question))
        guard values.count <= 1 else { return sentTwice }
        let text = clean(values.first ?? "")
        guard text.count <= FormRules.maximumOtherLength else { return tooLong(FormRules.maximumOtherLength) }
        if !text.isEmpty { answers[FormRules.otherField(question)] = [text] }
        return nil
    }

    /// Typed text as kept: line breaks made `\n`, tabs made spaces, other control characters dropped,
    /// spaces trimmed at both ends.
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n": if !previousCR { scalars.append("\n") }
            case "\t": scalars.append(" ")
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF { continue }
                scalars.append(scalar)
            }
        }
        return String(scalars).trimmingWhitespace()
    }

    // MARK: - Messages

    static let answerPlease = LocalizedText(zh: "请回答此题。", en: "Please answer this question.")
    static let choosePlease = LocalizedText(zh: "请选择一项。", en: "Please choose one option.")
    static let chooseSome = LocalizedText(zh: "请至少选择一项。", en: "Please choose at least one option.")
    static let oneOnly = LocalizedText(zh: "此题只能选一项。", en: "Choose only one option.")
    static let sentTwice = LocalizedText(zh: "此题的回答提交了两次，请重新填写。", en: "This answer was sent twice; fill it in again.")

    static func tooLong(_ limit: Int) -> LocalizedText {
        LocalizedText(zh: "回答过长，请控制在 \(limit) 字以内。", en: "The answer is too long; keep it under \(limit) characters.")
    }

    static func notAnOption(_ value: String) -> LocalizedText {
        LocalizedText(zh: "“\(value)”不是此题的选项，请重新选择。", en: "“\(value)” is not an option of this question; choose again.")
    }
}

extension String {
    /// Without spaces and line breaks at either end.
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
