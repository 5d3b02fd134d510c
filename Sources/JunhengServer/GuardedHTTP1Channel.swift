import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with ``ConnectionGuardHandler`` in front of it: the connection limit
/// and the header, body and idle deadlines of ``ConnectionLimits``.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let limits: ConnectionLimits
    let counter: ConnectionCounter

    init(responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, counter: ConnectionCounter) {
        self.inner = HTTP1Channel(
            responder: responder, configuration: .init(additionalChannelHandlers: [RequestProgressHandler()]))
        self.limits = limits
        self.counter = counter
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = limits
        let counter = counter
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionGuardHandler(limits: limits, counter: counter), position: .first)
        }.flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }

    /// The server builder Hummingbird's `Application` takes.
    static func builder(limits: ConnectionLimits, counter: ConnectionCounter) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, limits: limits, counter: counter) }
    }
}
