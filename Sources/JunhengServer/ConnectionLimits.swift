/// How long a connection may take and how many may be open: what keeps idle and trickling connections
/// from starving the server (issue 26: 1,100 idle sockets made every real request time out).
///
/// - A request's header must arrive whole within ``headerTimeout`` of its first byte (of the connection's
///   opening, for the first request); its body within ``bodyTimeout`` of the header.
/// - A kept-alive connection with no request in progress is closed after ``idleTimeout``.
/// - Past ``maximumConnections`` open at once, a new connection gets a quick 503 and is closed.
public struct ConnectionLimits: Sendable, Hashable {
    public var headerTimeout: Duration
    public var bodyTimeout: Duration
    public var idleTimeout: Duration
    public var maximumConnections: Int

    public init(
        headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60), maximumConnections: Int = 10_000
    ) {
        precondition(maximumConnections > 0, "room for one connection at least")
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }

    /// The limits for a process that may have `openFiles` descriptors open: every connection takes one,
    /// and `reserve` are kept for the store, the log and the listening socket.
    public static func fitting(openFiles: Int, reserve: Int = 128) -> ConnectionLimits {
        ConnectionLimits(maximumConnections: max(16, min(100_000, openFiles - reserve)))
    }
}
