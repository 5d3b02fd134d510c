import CPrefetch

/// Cache hints: a slot of a table far larger than the caches (a million fingerprints) asked for while
/// other work goes on, so that looking it up later does not wait on memory. A hint only: it changes no
/// result, and nothing faults on an address that is never read.
@_spi(Storage) public enum Prefetch {
    /// Asks for the cache line holding `address`, to be read soon.
    @usableFromInline static func read(_ address: UnsafeRawPointer) {
        jh_prefetch(address)
    }
}
