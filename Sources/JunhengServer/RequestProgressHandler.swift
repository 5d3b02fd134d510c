import NIOCore
import NIOHTTPTypes

/// Behind the HTTP codec: tells ``ConnectionGuardHandler`` (at the front of the pipeline) when a request's
/// header and end have been read and when its response is written, so it knows which deadline runs.
final class RequestProgressHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: context.triggerUserOutboundEvent(ConnectionGuardHandler.Progress.headRead, promise: nil)
        case .end: context.triggerUserOutboundEvent(ConnectionGuardHandler.Progress.requestRead, promise: nil)
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd: Bool
        if case .end = unwrapOutboundIn(data) { isEnd = true } else { isEnd = false }
        context.write(data, promise: promise)
        if isEnd { context.triggerUserOutboundEvent(ConnectionGuardHandler.Progress.responseDone, promise: nil) }
    }
}
