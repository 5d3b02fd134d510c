import CMemoryPolicy

/// How the process asks glibc's allocator for memory: set once by each program at start (`junheng`,
/// `junheng-bench`), never by the library.
public enum MemoryPolicy {
    /// Blocks of at least this many bytes get pages of their own from the system (`mmap`), which go back
    /// to it when the block is freed.
    public static let ownPagesFrom = 128 << 10

    /// Fixes glibc's threshold for giving a block pages of its own at ``ownPagesFrom`` (`mallopt(3)`,
    /// `M_MMAP_THRESHOLD`).
    ///
    /// By default glibc raises that threshold to the size of each such block freed (up to 32 MiB), so the
    /// next blocks of that size come from the heap of the thread that asks, and stay there once freed,
    /// where another thread's heap cannot reuse them. The duplicate screen's tables are such blocks, made
    /// and dropped chunk by chunk on two threads. Measured on the 1M-row bench export, peak memory with the
    /// threshold fixed: 60.1–61.2 MiB instead of 63.4 MiB; with a response repeated across chunks,
    /// 61.8–62.0 MiB instead of 64.7–65.1 MiB. Speed is unchanged: the readers allocate blocks this large
    /// once per chunk, never per block of text.
    ///
    /// - Returns: whether glibc took the setting (when it does not, memory is glibc's default, the figures
    ///   are the same).
    @discardableResult
    public static func returnLargeBlocksToTheSystem() -> Bool {
        jh_fix_mmap_threshold(Int32(ownPagesFrom)) == 1
    }
}
