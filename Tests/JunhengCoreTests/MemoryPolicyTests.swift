import Glibc
import JunhengCore
import Testing

/// ``MemoryPolicy``: with the threshold fixed, a large block still gets pages of its own after a block
/// of its size was freed (by default glibc would then raise the threshold and take the next one from
/// the heap).
@Suite struct MemoryPolicyTests {
    /// Whether glibc gave the block at `pointer` pages of its own: bit 1 (IS_MMAPPED) of the size word just
    /// before the block (glibc's malloc.c, "chunk representations").
    func hasPagesOfItsOwn(_ pointer: UnsafeMutableRawPointer) -> Bool {
        UnsafeRawPointer(pointer).load(fromByteOffset: -MemoryLayout<Int>.size, as: UInt.self) & 2 != 0
    }

    @Test func aLargeBlockGetsPagesOfItsOwnAfterOneWasFreed() throws {
        #expect(MemoryPolicy.returnLargeBlocksToTheSystem())
        // Larger than any block the other tests free (a free heap block that fits is taken before new
        // pages are asked for), and below the 32 MiB where glibc's default stops raising the threshold.
        let size = 24 << 20
        let first = try #require(malloc(size))
        #expect(hasPagesOfItsOwn(first))
        free(first)
        // glibc's default would have raised the threshold past `size` with that free.
        let second = try #require(malloc(size))
        #expect(hasPagesOfItsOwn(second))
        free(second)
        // A small block comes from the heap, as before.
        let small = try #require(malloc(64))
        #expect(!hasPagesOfItsOwn(small))
        free(small)
    }
}
