/// Finds exact duplicate responses (same answers, same IP) while keeping only a 128-bit hash per
/// response, never the response itself.
struct DuplicateDetector: Sendable {
    struct Key: Hashable, Sendable {
        var a: UInt64
        var b: UInt64
    }

    /// Hash → (file number, line) of the first response with it.
    private var seen: [Key: (file: Int, line: Int)] = [:]

    /// Records a response; returns the first response's place if this one repeats it.
    mutating func check(ip: String, answers: [String], file: Int, line: Int) -> (file: Int, line: Int)? {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        func feed(_ text: String) {
            for byte in text.utf8 {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
            }
            a = (a ^ 0x1F) &* 0x0000_0100_0000_01B3
            b = (b ^ 0x1F) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        feed(ip)
        for answer in answers { feed(answer) }
        let key = Key(a: a, b: b)
        if let first = seen[key] { return first }
        seen[key] = (file, line)
        return nil
    }
}
