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

    /// The base URL without its scheme, as a person types it (`wj.example.gov.cn`).
    var shortHost: String {
        for scheme in ["https://", "http://"] where baseURL.hasPrefix(scheme) {
            return String(baseURL.dropFirst(scheme.count))
        }
        return baseURL
    }

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
            let short = SignedLink(survey: survey.id, answers: entry.answers).shortLink(secret)
            let typed = shortHost + "/k/" + short.printed
            cards.append(
                """
                <figure class="card" data-url="\(HTMLEscaping.escape(url))">\
                \(code.svg(pixels: 170, label: HTMLEscaping.escape(names.joined(separator: " "))))
                <figcaption>\(entry.answers.township.map { "<b class=\"township\">\(HTMLEscaping.escape($0))</b>" } ?? "")\
                \(entry.answers.school.map { "<span class=\"school\">\(HTMLEscaping.escape($0))</span>" } ?? "")\
                <span class="code">\(language == .zh ? "短码" : "Code") <b>\(short.printed)</b></span>\
                <small class="url">\(HTMLEscaping.escape(typed))</small></figcaption></figure>
                """)
        }
        let hint =
            language == .zh
            ? "请用手机微信或浏览器扫描二维码填写问卷，或在浏览器中输入二维码下方的地址。每个二维码对应一个乡镇（学校），请勿混用。"
            : "Scan a code with WeChat or a phone browser to answer, or type the address under it. Each code belongs to "
                + "one township (school)."
        var pages: [String] = []
        var start = 0
        while start < cards.count {
            let end = min(start + Self.perPage, cards.count)
            // Each page has its heading and a grid of three columns and four rows of fixed height, so twelve
            // codes fit on every A4 page, the first included.
            pages.append(
                "<section class=\"page\">\n<header><h1>\(title)</h1>\n<p class=\"hint\">\(hint)</p></header>\n"
                    + cards[start..<end].joined(separator: "\n") + "\n</section>")
            start = end
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>
            @page { size: A4; margin: 10mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 0; }
            h1 { font-size: 13pt; margin: 0 0 1mm; }
            p.hint { font-size: 8.5pt; margin: 0; color: #333; }
            .page { display: grid; grid-template-columns: repeat(3, 1fr); grid-template-rows: 16mm repeat(4, 62mm);
              column-gap: 3mm; row-gap: 2mm; height: 276mm; overflow: hidden; break-after: page; }
            .page:last-child { break-after: auto; }
            .page header { grid-column: 1 / -1; }
            .card { margin: 0; padding: 1.5mm; border: 0.3mm dashed #999; text-align: center; overflow: hidden; }
            .card svg { width: 38mm; height: 38mm; }
            figcaption { display: flex; flex-direction: column; gap: 0.5mm; font-size: 9.5pt; line-height: 1.25; }
            .township { font-size: 11pt; }
            .code b { font-family: "DejaVu Sans Mono", monospace; font-size: 12pt; letter-spacing: 0.5mm; }
            .url { font-size: 7pt; color: #444; word-break: break-all; }
            </style>
            </head>
            <body>
            \(pages.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
