import NIOCore

/// The first handler of every connection's pipeline, on its raw bytes: it counts the connection (past the
/// maximum, a quick 503 and close), and closes it when a deadline of ``ConnectionLimits`` passes. It learns
/// where a request stands from ``RequestProgressHandler``, behind the HTTP codec, through outbound user
/// events.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// What ``RequestProgressHandler`` tells this handler.
    enum Progress: Sendable {
        case headRead, requestRead, responseDone
    }

    private enum Phase {
        /// Waiting for a request's header to be complete (the first byte has come, or the connection is new).
        case head
        /// The header is read; waiting for the body.
        case body
        /// The request is read and being answered: no deadline.
        case handling
        /// Kept alive between requests.
        case idle
    }

    private let limits: ConnectionLimits
    private let counter: ConnectionCounter
    private var phase = Phase.head
    private var deadline: Scheduled<Void>?
    private var counted = false
    private var rejected = false

    init(limits: ConnectionLimits, counter: ConnectionCounter) {
        self.limits = limits
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if counted {
            counted = false
            counter.closed()
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if rejected { return }
        if phase == .idle {
            phase = .head
            arm(context, limits.headerTimeout)
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? Progress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .headRead:
            phase = .body
            arm(context, limits.bodyTimeout)
        case .requestRead:
            phase = .handling
            deadline?.cancel()
            deadline = nil
        case .responseDone:
            phase = .idle
            arm(context, limits.idleTimeout)
        }
        promise?.succeed(())
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !counted else { return }
        counted = true
        guard counter.opened() else {
            reject(context)
            return
        }
        arm(context, limits.headerTimeout)
    }

    private func arm(_ context: ChannelHandlerContext, _ timeout: Duration) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            context.close(promise: nil)
        }
    }

    /// One too many: a 503 written straight to the socket, then close. The language of the request is not
    /// known yet (nothing is read), so the message has a line in each.
    private func reject(_ context: ChannelHandlerContext) {
        rejected = true
        let body = "服务器繁忙，请几秒后再试。\nThe server is busy: try again in a few seconds.\n"
        let head =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
            + "Connection: close\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        let buffer = context.channel.allocator.buffer(string: head + body)
        context.writeAndFlush(wrapOutboundOut(.byteBuffer(buffer))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
