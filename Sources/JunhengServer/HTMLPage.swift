import Foundation
import HTTPTypes
import Hummingbird
import JunhengCollection
import JunhengCore
import JunhengReports
import NIOCore

/// One HTML page as a response: UTF-8, mobile viewport, no script, and headers that keep it from being
/// framed, cached or sniffed as something else.
struct HTMLPage {
    var language: Language
    var title: String
    /// The body's HTML (already escaped where it holds user text).
    var body: String

    /// The shared style: mobile first, large tap targets, readable without any script or web font.
    static let style = """
        *{box-sizing:border-box}
        body{margin:0;font:17px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;\
        color:#1a1a1a;background:#f4f5f7}
        main{max-width:42rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
        h1{font-size:1.3rem;line-height:1.4;margin:.5rem 0 1rem}
        .intro{color:#444;font-size:.95rem}
        .lang{text-align:right;font-size:.9rem;margin:0}
        fieldset{border:0;border-top:1px solid #e3e3e3;margin:0;padding:1rem 0}
        legend{font-weight:600;padding:0;margin-bottom:.5rem;float:left;width:100%}
        fieldset>*:not(legend){clear:both}
        .req{color:#c0392b;font-weight:400;font-size:.85rem;margin-left:.3rem}
        .hint{color:#666;font-weight:400;font-size:.85rem;margin-left:.3rem}
        label.opt{display:flex;gap:.6rem;align-items:center;padding:.55rem .7rem;margin:.35rem 0;border:1px solid #d6d6d6;\
        border-radius:.5rem;background:#fafafa}
        label.opt input{width:1.2rem;height:1.2rem;flex:none;margin:0}
        .row{margin:.6rem 0 .9rem}
        .rowtext{margin:.2rem 0;font-size:.95rem}
        .scale{display:flex;flex-wrap:wrap;gap:.35rem}
        .scale label.opt{margin:0;padding:.45rem .6rem}
        input[type=text],textarea{width:100%;font:inherit;padding:.55rem;border:1px solid #bbb;border-radius:.4rem}
        .other{margin:.2rem 0 .4rem 2.2rem;width:calc(100% - 2.2rem)}
        .fixed{padding:.55rem .7rem;background:#eef5ee;border-radius:.5rem;margin:.35rem 0}
        .fixed span{color:#666;font-size:.85rem}
        .error{color:#c0392b;font-weight:600;margin:.3rem 0}
        .summary{border:2px solid #c0392b;border-radius:.5rem;padding:.6rem .8rem;color:#c0392b}
        fieldset.invalid{background:#fff6f5}
        button{width:100%;font:inherit;font-size:1.1rem;padding:.8rem;margin:1.2rem 0 2rem;border:0;border-radius:.5rem;\
        background:#1f6feb;color:#fff}
        table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0 1rem}
        th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#1e7e34}.fail{color:#c0392b}
        button.small{width:auto;font-size:.95rem;padding:.4rem .9rem;margin:.4rem 0}
        details{margin:.8rem 0}svg.daily{max-width:640px;display:block}
        """

    var html: String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="format-detection" content="telephone=no">
        <title>\(HTMLEscaping.escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// The page as a response with `status`, plus `headers`.
    func response(_ status: HTTPResponse.Status, headers extra: HTTPFields = [:]) -> Response {
        var headers = HTMLPage.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Sent with every page: no framing, no other origin's resources or scripts, no caching of answers,
    /// no content sniffing, a referrer only to this server itself (a signed link stays out of other sites'
    /// logs; `no-referrer` would make browsers send `Origin: null` with the form).
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'",
        .xContentTypeOptions: "nosniff",
        .xFrameOptions: "DENY",
        .referrerPolicy: "same-origin",
        .cacheControl: "no-store",
    ]

    /// A short page with a title and a message, e.g. a refusal.
    static func message(
        _ status: HTTPResponse.Status, title: LocalizedText, message: LocalizedText, language: Language,
        link: (href: String, text: LocalizedText)? = nil, headers: HTTPFields = [:]
    ) -> Response {
        var body =
            "<h1>\(HTMLEscaping.escape(title.text(language)))</h1>\n<p>\(HTMLEscaping.escape(message.text(language)))</p>"
        if let link {
            body +=
                "\n<p><a href=\"\(HTMLEscaping.escape(link.href))\">\(HTMLEscaping.escape(link.text.text(language)))</a></p>"
        }
        return HTMLPage(language: language, title: title.text(language), body: body).response(status, headers: headers)
    }
}
