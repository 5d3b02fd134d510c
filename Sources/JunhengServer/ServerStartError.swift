import Glibc
public import JunhengCore
import NIOCore

/// `junheng serve` could not listen: the port is taken or not allowed, or the host is no address of this
/// machine; said in the language of the run, with what to do.
public struct ServerStartError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(message: LocalizedText) {
        self.location = nil
        self.message = message
    }

    /// The error `error` means when listening on `host`:`port`, or `nil` when it is not a start-up error.
    init?(_ error: any Error, host: String, port: Int) {
        let place = "\(host):\(port)"
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE:
                message = LocalizedText(
                    zh: "无法在 \(place) 上监听：端口 \(port) 已被其他程序占用。请换一个 --port，或先停止占用它的程序。",
                    en: "cannot listen on \(place): port \(port) is in use by another program. Choose another --port, "
                        + "or stop that program first.")
            case EACCES:
                message = LocalizedText(
                    zh: "无法在 \(place) 上监听：没有使用端口 \(port) 的权限（1024 以下的端口需要管理员权限）。请换一个 --port，如 8080。",
                    en: "cannot listen on \(place): no permission for port \(port) (ports below 1024 need root). "
                        + "Choose another --port, such as 8080.")
            case EADDRNOTAVAIL:
                message = LocalizedText(
                    zh: "无法在 \(place) 上监听：\(host) 不是本机的地址。请用 --host 127.0.0.1（仅本机）或 0.0.0.0（所有网卡）。",
                    en: "cannot listen on \(place): \(host) is not an address of this machine. Use --host 127.0.0.1 "
                        + "(this machine only) or 0.0.0.0 (every network).")
            default:
                return nil
            }
        } else if error is SocketAddressError {
            message = LocalizedText(
                zh: "无法在 \(place) 上监听：“\(host)”不是有效的地址。请用 --host 127.0.0.1（仅本机）或 0.0.0.0（所有网卡）。",
                en: "cannot listen on \(place): “\(host)” is not a valid address. Use --host 127.0.0.1 (this machine "
                    + "only) or 0.0.0.0 (every network).")
        } else {
            return nil
        }
        location = nil
    }
}
