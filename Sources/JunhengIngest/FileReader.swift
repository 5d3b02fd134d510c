import Glibc

/// A file opened for reading, the one place the CSV reader touches a file descriptor: bytes go into
/// the caller's buffer, an interrupted read is retried, and the descriptor is closed when the reader
/// goes away (it cannot be copied, so it is closed exactly once).
struct FileReader: ~Copyable {
    private let descriptor: Int32
    /// The file's size in bytes when it was opened; 0 when the system cannot say (a pipe).
    let size: Int

    /// Opens `path` read-only.
    init(path: String) throws(SystemError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SystemError.current }
        self.descriptor = descriptor
        var status = stat()
        // `st_size` is an `off_t`, which is `Int` on the 64-bit Linux junheng runs on: no conversion.
        size = fstat(descriptor, &status) == 0 ? max(0, status.st_size) : 0
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes from the file at `fileOffset` into `buffer`, leaving the position where
    /// ``read(into:at:max:)`` reads unchanged.
    /// - Returns: the number of bytes read; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, fileOffset: Int, max count: Int) throws(SystemError) -> Int {
        precondition(fileOffset >= 0 && count >= 0 && count <= buffer.count, "read within the buffer")
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let got = pread(descriptor, base, count, off_t(fileOffset))
            if got >= 0 { return got }
            let error = SystemError.current
            if error != .interrupted { throw error }
        }
    }

    /// Moves the position where ``read(into:at:max:)`` reads next to `offset` bytes from the start.
    func seek(to offset: Int) throws(SystemError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else { throw SystemError.current }
    }

    /// Reads up to `count` bytes into `buffer` from `offset` on.
    /// - Returns: the number of bytes read; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int, max count: Int) throws(SystemError) -> Int {
        precondition(offset >= 0 && count >= 0 && offset + count <= buffer.count, "read within the buffer")
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let got = Glibc.read(descriptor, base + offset, count)
            if got >= 0 { return got }
            let error = SystemError.current
            if error != .interrupted { throw error }
        }
    }
}
