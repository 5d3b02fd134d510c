import JunhengCollection
public import JunhengCore
public import JunhengQuestionnaire
import JunhengReports

/// The printable page of QR codes `junheng links` writes: A4, twelve codes a page (three across, four
/// down), each with its township and school underneath and the address in small print, drawn as inline
/// SVG (no network, no script), so a school prints it from any browser.
public struct QRSheet: Sendable {
    public var survey: Questionnaire
    /// The address respondents reach the server at, e.g. `https://wj.example.gov.cn` (no trailing `/`).
    public var baseURL: String
    public var links: LinkList
    public var language: Language

    public init(survey: Questionnaire, baseURL: String, links: LinkList, language: Language = .zh) {
        self.survey = survey
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.links = links
        self.language = language
    }

    /// Codes per printed page.
    public static let perPage = 12

    /// The full URL of each link, in the list's order.
    public func urls(secret: ServerSecret) -> [String] {
        links.entries.map { baseURL + SignedLink(survey: survey.id, answers: $0.answers).path(secret) }
    }

    /// The HTML page.
    ///
    /// - Throws: ``LinkError`` when an address is too long for a QR code.
    public func html(secret: ServerSecret) throws(LinkError) -> String {
        let title = HTMLEscaping.escape(survey.title.text(language))
        let urls = urls(secret: secret)
        var cards: [String] = []
        for (entry, url) in zip(links.entries, urls) {
            let code: QRCode
            do {
                code = try QRCode(url, correction: .medium)
            } catch {
                throw LinkError(
                    location: nil,
                    message: LocalizedText(
                        zh: "第 \(entry.line) 行的链接太长，无法生成二维码；请缩短学校名称或 --base-url。",
                        en:
                            "the link of line \(entry.line) is too long for a QR code; shorten the school name or --base-url."
                    ))
            }
            let names = [entry.answers.county, entry.answers.township, entry.answers.school].compactMap { $0 }
            cards.append(
                """
                <figure class="card">\(code.svg(pixels: 170, label: HTMLEscaping.escape(names.joined(separator: " "))))
                <figcaption>\(entry.answers.township.map { "<b class=\"township\">\(HTMLEscaping.escape($0))</b>" } ?? "")\
                \(entry.answers.school.map { "<span class=\"school\">\(HTMLEscaping.escape($0))</span>" } ?? "")\
                <small class="url">\(HTMLEscaping.escape(url))</small></figcaption></figure>
                """)
        }
        var pages: [String] = []
        var start = 0
        while start < cards.count {
            let end = min(start + Self.perPage, cards.count)
            pages.append("<section class=\"page\">\n" + cards[start..<end].joined(separator: "\n") + "\n</section>")
            start = end
        }
        let hint =
            language == .zh
            ? "请用手机微信或浏览器扫描二维码填写问卷。每个二维码对应一个乡镇（学校），请勿混用。"
            : "Scan a code with WeChat or a phone browser to answer. Each code belongs to one township (school)."
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>
            @page { size: A4; margin: 10mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0; }
            h1 { font-size: 14pt; margin: 0 0 2mm; }
            p.hint { font-size: 9pt; margin: 0 0 4mm; color: #333; }
            .page { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; break-after: page; }
            .page:last-child { break-after: auto; }
            .card { margin: 0; padding: 2mm; border: 0.3mm dashed #999; text-align: center; break-inside: avoid; }
            .card svg { width: 45mm; height: 45mm; }
            figcaption { display: flex; flex-direction: column; gap: 1mm; font-size: 10pt; }
            .township { font-size: 12pt; }
            .url { font-size: 6pt; color: #555; word-break: break-all; }
            </style>
            </head>
            <body>
            <h1>\(title)</h1>
            <p class="hint">\(hint)</p>
            \(pages.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
