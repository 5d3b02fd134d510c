import Foundation
import JunhengCollection
import JunhengCore
import JunhengLinks
import JunhengQuestionnaire
import JunhengReports

/// `GET /admin` (and a county's `/admin/c/{county}`): for each questionnaire, the responses so far by
/// township and respondent group against the sample targets (parents ≥ 50 %, and with a population the
/// sample ≥ 1.5 ‰ of it, DOMAIN.md §4), the current satisfaction rate with its 95 % interval — all computed by
/// the same pipeline as `junheng satisfaction` (``CollectedSatisfaction``), after the same screening — the
/// counts per township and school against their targets, a daily progress chart, closing, deleting test
/// answers, and the downloads. The province's admin also sees a table of counties.
struct AdminPage {
    /// One questionnaire's figures.
    struct Section {
        var survey: Questionnaire
        var stored: Int
        var result: SatisfactionResult
        var closing: SurveyClosing?
        var deletions: [DeletionRecord]
        var progress: [ProgressRow]
        var daily: DailyProgressChart
        /// The province's table of counties (empty for a county's page).
        var counties: [CountyRow]
        /// The admin form token of this section's forms.
        var formToken: String
    }

    /// Received responses of one township or school against its target.
    struct ProgressRow {
        var township: String
        var school: String?
        var received: Int
        var target: Int?
    }

    /// One county in the province's table.
    struct CountyRow {
        var name: String
        var stored: Int
        var used: Int
        var target: Int?
        var rate: Double?
        var interval: ClosedRange<Double>?
    }

    var sections: [Section]
    var language: Language
    var user: AdminUser
    /// `/admin`, or `/admin/c/{county}` (percent-encoded) for a county's pages.
    var base: String
    /// The county these pages show, if one.
    var county: String?
    /// Whether this admin may close and reopen questionnaires (the province's or a single county's admin).
    var mayClose: Bool
    var now: Date

    var page: HTMLPage {
        let zh = language == .zh
        let heading = (zh ? "问卷收集进度" : "Collection progress") + (county.map { " · " + $0 } ?? "")
        var html = "<h1>\(e(heading))</h1>\n"
        html +=
            "<p class=\"intro\">\(zh ? "登录用户" : "Signed in as") <b>\(e(user.name))</b>"
            + (user.county == nil && county != nil ? " · <a href=\"/admin\">\(zh ? "全部县" : "every county")</a>" : "")
            + "</p>\n"
        for section in sections { html += render(section) }
        return HTMLPage(language: language, title: heading, body: html)
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    private func render(_ section: Section) -> String {
        let zh = language == .zh
        let result = section.result
        let survey = section.survey
        let id = e(survey.id)
        var html = "<section id=\"survey-\(id)\">\n<h2>\(e(survey.title.text(language))) (\(id))</h2>\n"
        html += closing(section)
        let reasons = result.exclusionCounts.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.label.text(language)) \($0.value)" }
            .joined(separator: zh ? "，" : ", ")
        html +=
            zh
            ? "<p>已收到 <b data-stored>\(section.stored)</b> 份答卷；筛除 \(result.excluded) 份\(reasons.isEmpty ? "" : "（\(e(reasons))）")；"
                + "计入 <b data-used>\(result.used)</b> 份。</p>\n"
            : "<p><b data-stored>\(section.stored)</b> responses received; \(result.excluded) screened out"
                + "\(reasons.isEmpty ? "" : " (\(e(reasons)))"); <b data-used>\(result.used)</b> counted.</p>\n"
        let deleted = section.deletions.reduce(0) { $0 + $1.count }
        if deleted > 0 {
            html +=
                "<p data-deleted=\"\(deleted)\">"
                + (zh ? "已删除测试答卷 \(deleted) 份（记录见下）。" : "\(deleted) test responses deleted (the record is below).")
                + "</p>\n"
        }
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
        html += counties(section)
        html += table(result, survey: survey)
        html += progress(section)
        let chart = section.daily.svg(label: zh ? "每日收到的答卷" : "Responses received a day")
        if !chart.isEmpty {
            html +=
                "<h3>\(zh ? "每日进度（柱：当日份数；线：累计）" : "Daily progress (bars: that day; line: running total)")</h3>\n\(chart)\n"
        }
        html +=
            "<p><a href=\"\(base)/\(id)/export.csv\">"
            + "\(zh ? "下载答卷（问卷星按选项文本格式，CSV）" : "Download the responses (问卷星 text layout, CSV)")</a> · "
            + "<a href=\"\(base)/\(id)/export.xlsx\">\(zh ? "Excel 格式（.xlsx）" : "as Excel (.xlsx)")</a></p>\n"
        html += deletion(section)
        return html + "</section>\n"
    }

    private func closing(_ section: Section) -> String {
        let zh = language == .zh
        let id = e(section.survey.id)
        var html = ""
        if let closesAt = section.closing?.closesAt {
            let when = e(WjxTextLayout.timestamp(closesAt))
            html +=
                section.closing!.isClosed(at: now)
                ? "<p class=\"fail\" data-closed>\(zh ? "已截止（\(when)），不再接收答卷。" : "Closed (\(when)): no more responses are taken.")</p>\n"
                : "<p>\(zh ? "将于 \(when) 截止。" : "Closes at \(when).")</p>\n"
        }
        guard mayClose else { return html }
        let closed = section.closing?.isClosed(at: now) ?? false
        html +=
            "<form method=\"post\" action=\"/admin/\(id)/close\"><input type=\"hidden\" name=\"_admin\" value=\"\(e(section.formToken))\">"
            + "<input type=\"hidden\" name=\"action\" value=\"\(closed ? "reopen" : "close")\">"
            + "<button type=\"submit\" class=\"small\">\(closed ? (zh ? "重新开放" : "Reopen") : (zh ? "立即截止" : "Close now"))</button></form>\n"
        return html
    }

    private func deletion(_ section: Section) -> String {
        let zh = language == .zh
        let id = e(section.survey.id)
        var html = "<details><summary>\(zh ? "删除测试答卷" : "Delete test responses")</summary>\n"
        html +=
            "<form method=\"post\" action=\"\(base)/\(id)/delete\"><input type=\"hidden\" name=\"_admin\" value=\"\(e(section.formToken))\">"
            + "<label>\(zh ? "答卷序号（导出文件的“序号”列，用逗号或空格分隔）" : "Response numbers (the export's 序号, separated by commas or spaces)")"
            + "<input type=\"text\" name=\"ids\" required></label>"
            + "<button type=\"submit\" class=\"small\">\(zh ? "删除（保留删除记录）" : "Delete (a record is kept)")</button></form>\n"
        if !section.deletions.isEmpty {
            html +=
                "<table><tr><th>\(zh ? "时间" : "When")</th><th>\(zh ? "操作人" : "By")</th><th>\(zh ? "份数" : "How many")</th><th>\(zh ? "序号" : "Numbers")</th></tr>\n"
            for record in section.deletions {
                html +=
                    "<tr><td>\(e(WjxTextLayout.timestamp(record.deletedAt)))</td><td>\(e(record.deletedBy))</td>"
                    + "<td class=\"n\">\(record.count)</td><td>\(e(record.ids.map(String.init).joined(separator: ", ")))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</details>\n"
    }

    private func counties(_ section: Section) -> String {
        guard !section.counties.isEmpty else { return "" }
        let zh = language == .zh
        var html = "<h3>\(zh ? "各县" : "Counties")</h3>\n<table class=\"counties\"><tr><th>\(zh ? "县" : "County")</th>"
        html +=
            "<th>\(zh ? "已收到" : "Received")</th><th>\(zh ? "计入" : "Counted")</th><th>\(zh ? "目标（1.5‰）" : "Target (1.5 ‰)")</th>"
            + "<th>\(zh ? "满意度 [95% 区间]" : "Rate [95 % interval]")</th></tr>\n"
        for row in section.counties {
            let link = "/admin/c/\(SignedLink.percentEncoded(row.name))"
            let rate =
                row.rate.map { rate in
                    percent(rate)
                        + (row.interval.map { " [\(percent($0.lowerBound)), \(percent($0.upperBound))]" } ?? "")
                } ?? "—"
            html +=
                "<tr data-county=\"\(e(row.name))\"><td><a href=\"\(e(link))\">\(e(row.name))</a></td><td class=\"n\">\(row.stored)</td>"
                + "<td class=\"n\">\(row.used)</td><td class=\"n\">\(row.target.map(String.init) ?? "—")</td><td class=\"n\">\(rate)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func progress(_ section: Section) -> String {
        guard !section.progress.isEmpty else { return "" }
        let zh = language == .zh
        var html =
            "<h3>\(zh ? "各乡镇、学校收到的答卷与目标" : "Responses by township and school against their targets")</h3>\n"
            + "<table class=\"progress\"><tr><th>\(zh ? "乡镇" : "Township")</th><th>\(zh ? "学校" : "School")</th>"
            + "<th>\(zh ? "已收到" : "Received")</th><th>\(zh ? "目标" : "Target")</th><th>\(zh ? "完成" : "Done")</th></tr>\n"
        for row in section.progress {
            let done = row.target.flatMap { $0 > 0 ? Double(row.received) / Double($0) : nil }
            let mark = done.map { $0 >= 1 ? "pass" : "fail" } ?? ""
            html +=
                "<tr><td>\(e(row.township))</td><td>\(e(row.school ?? (zh ? "（全乡镇）" : "(whole township)")))</td>"
                + "<td class=\"n\">\(row.received)</td><td class=\"n\">\(row.target.map(String.init) ?? "—")</td>"
                + "<td class=\"n \(mark)\">\(done.map(percent) ?? "—")</td></tr>\n"
        }
        return html + "</table>\n"
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
