import HTTPTypes
import Hummingbird
import NIOCore

/// In front of the router: `HEAD` wherever `GET` is answered (the GET's status and headers, no body), and 405
/// with `Allow` for a method a known path does not answer (instead of the router's 404). (A router middleware
/// would come too late: the router picks its handler by method before its middleware runs.)
struct MethodResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context

    let inner: Inner
    /// The paths and their methods; `*` is one path component.
    let routes: [(pattern: [String], methods: [HTTPRequest.Method])]

    func respond(to request: Request, context: Context) async throws -> Response {
        let next = { (request: Request, context: Context) in try await inner.respond(to: request, context: context) }
        guard let methods = methods(for: request.uri.path) else { return try await next(request, context) }
        if request.method == .head, methods.contains(.get) {
            var head = request.head
            head.method = .get
            let response = try await next(Request(head: head, body: request.body), context)
            var headers = response.headers
            if headers[.contentLength] == nil, let length = response.body.contentLength {
                headers[.contentLength] = String(length)
            }
            return Response(status: response.status, headers: headers, body: ResponseBody())
        }
        guard methods.contains(request.method) else {
            var allow = methods.map(\.rawValue)
            if methods.contains(.get) { allow.append("HEAD") }
            return Response(
                status: .methodNotAllowed,
                headers: [.allow: allow.joined(separator: ", "), .contentType: "text/plain; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "405 Method Not Allowed\n")))
        }
        return try await next(request, context)
    }

    func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for route in routes where route.pattern.count == parts.count {
            if zip(route.pattern, parts).allSatisfy({ $0 == "*" || $0 == $1 }) { return route.methods }
        }
        return nil
    }
}
