import Hummingbird
import NIOCore

/// The request context of `junheng serve`: Hummingbird's basics and the peer's address, from which the
/// sender's address is taken (``CollectionServer/sender(_:context:)``).
struct CollectionRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The address of the connection's other end.
    let peer: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        peer = source.channel.remoteAddress
    }
}
