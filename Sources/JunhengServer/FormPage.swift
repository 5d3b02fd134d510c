import JunhengCollection
import JunhengCore
import JunhengQuestionnaire
import JunhengReports

/// The questionnaire as a web form, rendered on the server: every question type, a signed link's fixed
/// answers shown but not editable, and, after a refused submission, each problem next to its question
/// with every answer kept. It needs no script, so it works with JavaScript off and in WeChat's browser;
/// the browser's own `required` checks are a hint, the server decides.
struct FormPage {
    var survey: Questionnaire
    var language: Language
    /// Where the form posts to: the page's own path and query (the signed link's parameters included).
    var action: String
    /// The page with the other language (`?lang=en` added or removed).
    var otherLanguage: String
    var token: String
    var link: LinkAnswers
    /// The answers as posted, to fill the form again after a refusal.
    var kept: FormFields
    /// Question id → its problem.
    var problems: [String: LocalizedText]
    /// A message above the form (e.g. the form was open too long).
    var notice: LocalizedText?

    var page: HTMLPage {
        var html =
            "<p class=\"lang\"><a href=\"\(e(otherLanguage))\">\(e(ServerText.switchLanguage.text(language)))</a></p>\n"
        html += "<h1>\(e(survey.title.text(language)))</h1>\n"
        if let introduction = survey.introduction { html += "<p class=\"intro\">\(e(introduction))</p>\n" }
        if let notice { html += "<p class=\"summary\">\(e(notice.text(language)))</p>\n" }
        if !problems.isEmpty {
            html += "<p class=\"summary\" role=\"alert\">\(e(ServerText.fixProblems.text(language)))</p>\n"
        }
        html += "<form method=\"post\" action=\"\(e(action))\" accept-charset=\"utf-8\">\n"
        html += "<input type=\"hidden\" name=\"_token\" value=\"\(e(token))\">\n"
        for question in survey.questions { html += fieldset(question) }
        html += "<button type=\"submit\">\(e(ServerText.submit.text(language)))</button>\n</form>"
        return HTMLPage(language: language, title: survey.title.text(language), body: html)
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    private func fieldset(_ question: Question) -> String {
        let required = FormRules.isRequired(question)
        let problem = problems[question.id]
        var html = "<fieldset class=\"q\(problem == nil ? "" : " invalid")\" id=\"q-\(e(question.id))\">\n<legend>"
        html += "\(question.number). \(e(question.label.text(language)))"
        if required { html += "<span class=\"req\">*\(e(ServerText.required.text(language)))</span>" }
        if question.type == .multiple {
            html += "<span class=\"hint\">\(e(ServerText.chooseMany.text(language)))</span>"
        }
        html += "</legend>\n"
        if let problem { html += "<p class=\"error\" id=\"e-\(e(question.id))\">\(e(problem.text(language)))</p>\n" }
        if let fixed = FormRules.fixedValue(of: question, link: link) {
            html += "<p class=\"fixed\">\(e(fixed)) <span>\(e(ServerText.fixedByLink.text(language)))</span></p>\n"
            return html + "</fieldset>\n"
        }
        switch question.type {
        case .single, .scale:
            html += choices(question, name: question.id, type: "radio", required: required)
        case .multiple:
            html += choices(question, name: question.id, type: "checkbox", required: false)
        case .matrix:
            for row in question.rows {
                let name = FormRules.rowField(question, row)
                html +=
                    "<div class=\"row\"><p class=\"rowtext\">\(e(row.label.text(language)))</p><div class=\"scale\">"
                html += choices(question, name: name, type: "radio", required: required, withOther: false)
                html += "</div></div>\n"
            }
        case .text:
            let value = kept.first(question.id) ?? ""
            let attributes = "name=\"\(e(question.id))\"\(required ? " required" : "")"
            if question.role == .township || question.role == .school {
                html += "<input type=\"text\" \(attributes) maxlength=\"100\" value=\"\(e(value))\">\n"
            } else {
                html +=
                    "<textarea \(attributes) rows=\"3\" maxlength=\"\(FormRules.maximumTextLength)\">\(e(value))</textarea>\n"
            }
        }
        return html + "</fieldset>\n"
    }

    private func choices(_ question: Question, name: String, type: String, required: Bool, withOther: Bool = true)
        -> String
    {
        let chosen = Set(kept.values(name))
        var html = ""
        for option in question.options {
            let checked = chosen.contains(option.text) ? " checked" : ""
            html += "<label class=\"opt\"><input type=\"\(type)\" name=\"\(e(name))\" value=\"\(e(option.text))\""
            html += "\(required ? " required" : "")\(checked)> \(e(option.label.text(language)))</label>\n"
            if withOther, FormRules.takesOtherText(option) {
                let field = FormRules.otherField(question)
                html +=
                    "<input type=\"text\" class=\"other\" name=\"\(e(field))\" maxlength=\"\(FormRules.maximumOtherLength)\" "
                html += "placeholder=\"\(e(ServerText.otherPlaceholder.text(language)))\" "
                html += "aria-label=\"\(e(option.label.text(language)))\" value=\"\(e(kept.first(field) ?? ""))\">\n"
            }
        }
        return html
    }
}
