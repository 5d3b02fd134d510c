import Foundation
import Glibc

/// A tiny HTTP/1.1 client over a loopback socket, so a test controls every header (no cookie jar, no
/// Origin, no redirects) and sees the server's answer exactly. Each request runs on a Dispatch thread, never
/// blocking Swift's cooperative threads (the server's handlers need them).
struct HTTPClient: Sendable {
    struct Reply: Sendable {
        var status: Int
        /// Header names lowercased; a repeated header keeps its last value.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let port: Int

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("GET", path, headers: headers, body: nil)
    }

    func post(_ path: String, form: [(String, String)], headers: [String: String] = [:]) async throws -> Reply {
        var headers = headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = "application/x-www-form-urlencoded" }
        return try await send("POST", path, headers: headers, body: Data(Self.encode(form).utf8))
    }

    func send(_ method: String, _ path: String, headers: [String: String], body: Data?) async throws -> Reply {
        let port = port
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try Self.exchange(port: port, method: method, path: path, headers: headers, body: body)
                    })
            }
        }
    }

    /// `application/x-www-form-urlencoded`, as a browser writes it.
    static func encode(_ form: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*")
        func escape(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
        }
        return form.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    struct Failure: Error { var what: String }

    private static func exchange(port: Int, method: String, path: String, headers: [String: String], body: Data?)
        throws -> Reply
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(what: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(what: "connect") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        var request = Data(head.utf8)
        if let body { request.append(body) }
        try request.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 {
                    // The server may answer (413) and close before reading the whole body.
                    if sent > 0 { return }
                    throw Failure(what: "send")
                }
                sent += n
            }
        }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(what: "no response") }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: fields, body: Data(response[split.upperBound...]))
    }
}
