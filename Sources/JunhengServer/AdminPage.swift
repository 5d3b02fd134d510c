import Foundation
import JunhengCollection
import JunhengCore
import JunhengQuestionnaire
import JunhengReports

/// `GET /admin`: for each questionnaire, the responses so far by township and respondent group against
/// the sample targets (parents ≥ 50 %, and with `--population` the sample ≥ 1.5 ‰ of it, DOMAIN.md §4),
/// and the current satisfaction rate with its 95 % interval, all computed by the same pipeline as
/// `junheng satisfaction` (``CollectedSatisfaction``), after the same screening.
struct AdminPage {
    /// One questionnaire's figures.
    struct Section {
        var survey: Questionnaire
        var stored: Int
        var result: SatisfactionResult
    }

    var sections: [Section]
    var language: Language

    var page: HTMLPage {
        let zh = language == .zh
        var html = "<h1>\(zh ? "问卷收集进度" : "Collection progress")</h1>\n"
        for section in sections { html += render(section) }
        return HTMLPage(language: language, title: zh ? "问卷收集进度" : "Collection progress", body: html)
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    private func render(_ section: Section) -> String {
        let zh = language == .zh
        let result = section.result
        let survey = section.survey
        var html =
            "<section id=\"survey-\(e(survey.id))\">\n<h2>\(e(survey.title.text(language))) (\(e(survey.id)))</h2>\n"
        let reasons = result.exclusionCounts.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.label.text(language)) \($0.value)" }
            .joined(separator: zh ? "，" : ", ")
        html +=
            zh
            ? "<p>已收到 <b data-stored>\(section.stored)</b> 份答卷；筛除 \(result.excluded) 份\(reasons.isEmpty ? "" : "（\(e(reasons))）")；"
                + "计入 <b data-used>\(result.used)</b> 份。</p>\n"
            : "<p><b data-stored>\(section.stored)</b> responses received; \(result.excluded) screened out"
                + "\(reasons.isEmpty ? "" : " (\(e(reasons)))"); <b data-used>\(result.used)</b> counted.</p>\n"
        let overall = result.overall
        if let rate = overall.rate {
            let interval = overall.ci95.map { " [\(percent($0.lowerBound)), \(percent($0.upperBound))]" } ?? ""
            let method =
                overall.intervalMethod == .wilson
                ? (zh ? "Wilson 区间" : "Wilson interval") : (zh ? "按答卷人聚类的比率区间" : "respondent-clustered interval")
            let verdict =
                overall.meetsThreshold == true
                ? "<span class=\"pass\">\(zh ? "达标" : "meets")</span>"
                : "<span class=\"fail\">\(zh ? "未达标" : "below")</span>"
            html +=
                "<p>\(zh ? "满意度" : "Satisfaction") <b data-rate>\(percent(rate))</b>\(interval) "
                + "(95% \(method); \(zh ? "标准" : "bar") ≥ \(percent(result.settings.threshold))) \(verdict)</p>\n"
        } else {
            html += "<p>\(zh ? "尚无可计入的答卷。" : "No counted response yet.")</p>\n"
        }
        for check in result.sampleChecks {
            let mark = check.passes ? "<span class=\"pass\">✔</span>" : "<span class=\"fail\">✘</span>"
            switch check.kind {
            case .parentShare:
                html +=
                    "<p>\(mark) \(zh ? "家长占比" : "Parents' share") \(percent(check.value)) "
                    + "(\(zh ? "要求" : "needed") ≥ \(percent(check.required)))</p>\n"
            case .sampleSize:
                html +=
                    "<p>\(mark) \(zh ? "样本量" : "Sample size") \(Int(check.value)) / \(Int(check.required)) "
                    + "(\(zh ? "常住人口的" : "of the population: ")\(String(format: "%.1f‰", result.settings.sampleShare * 1000)))</p>\n"
            }
        }
        html += table(result, survey: survey)
        html +=
            "<p><a href=\"/admin/\(e(survey.id))/export.csv\">"
            + "\(zh ? "下载答卷（问卷星按选项文本格式，CSV）" : "Download the responses (问卷星 text layout, CSV)")</a></p>\n"
        return html + "</section>\n"
    }

    /// Counted respondents by township (rows) and group (columns).
    private func table(_ result: SatisfactionResult, survey: Questionnaire) -> String {
        let zh = language == .zh
        var counts: [String: [String: Int]] = [:]
        var townships: [String] = []
        for cell in result.groups {
            // Without a township question the cells are by group only: one row.
            let township = cell.key.count == 2 ? cell.key[0] : "—"
            if counts[township] == nil { townships.append(township) }
            counts[township, default: [:]][cell.key.last ?? ""] = cell.respondents
        }
        guard !townships.isEmpty else { return "" }
        var html = "<table>\n<tr><th>\(zh ? "乡镇（街道）" : "Township")</th>"
        for group in survey.groups { html += "<th>\(e(group))</th>" }
        html += "<th>\(zh ? "合计" : "Total")</th></tr>\n"
        for township in townships {
            let row = counts[township] ?? [:]
            html += "<tr><td>\(e(township))</td>"
            for group in survey.groups { html += "<td class=\"n\">\(row[group] ?? 0)</td>" }
            html += "<td class=\"n\">\(row.values.reduce(0, +))</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
