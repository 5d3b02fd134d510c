import Foundation
import Glibc

/// A loopback TCP connection driven byte by byte, for the tests of timeouts and the connection limit.
final class RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPClient.Failure(what: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw HTTPClient.Failure(what: "connect")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What arrives until the server closes the connection or `seconds` pass; `closed` tells which.
    func read(for seconds: Double) -> (text: String, closed: Bool) {
        read(for: seconds, until: nil)
    }

    /// Reads until `marker` has arrived (or the connection closes, or `seconds` pass): a reply awaited
    /// without guessing how long a loaded machine takes to send it.
    func read(until marker: String, within seconds: Double) -> (text: String, closed: Bool) {
        read(for: seconds, until: Data(marker.utf8))
    }

    private func read(for seconds: Double, until marker: Data?) -> (text: String, closed: Bool) {
        var received = Data()
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return (String(decoding: received, as: UTF8.self), false) }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, left * 1000)))
            if ready <= 0 { continue }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received.append(contentsOf: buffer[0..<n])
            if let marker, received.range(of: marker) != nil {
                return (String(decoding: received, as: UTF8.self), false)
            }
        }
    }
}
