/// Chooses the delimiter of a CSV file from its first lines: Excel's `sep=X` line decides when present;
/// otherwise the candidate (comma, semicolon, tab, pipe) that splits most lines into the same number
/// of fields, counting only outside quotes.
enum DialectSniffer {
    /// A `sep=X` first line: the delimiter and the number of bytes the line takes with its line end.
    static func separatorLine(_ text: UnsafeRawBufferPointer) -> (CSVDelimiter, length: Int)? {
        let prefix = Array(text.prefix(8))
        guard prefix.count >= 5 else { return nil }
        let sep = String(decoding: prefix[0..<4], as: UTF8.self).lowercased()
        guard sep == "sep=", let delimiter = CSVDelimiter(rawValue: String(UnicodeScalar(prefix[4]))) else {
            return nil
        }
        var length = 5
        if length < prefix.count, prefix[length] == 0x0D { length += 1 }
        if length < prefix.count, prefix[length] == 0x0A { length += 1 }
        guard length > 5 || prefix.count == 5 else { return nil }
        return (delimiter, length)
    }

    static func sniff(_ text: UnsafeRawBufferPointer, maxLines: Int = 30) -> CSVDelimiter {
        let candidates = CSVDelimiter.allCases
        var counts: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = Array(repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var lineHasContent = false
        for byte in text {
            if byte == 0x22 {
                inQuotes.toggle()
                lineHasContent = true
                continue
            }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if lineHasContent {
                    for index in candidates.indices { counts[index].append(current[index]) }
                    lines += 1
                    if lines >= maxLines { break }
                }
                current = Array(repeating: 0, count: candidates.count)
                lineHasContent = false
                continue
            }
            lineHasContent = true
            if let index = candidates.firstIndex(where: { $0.byte == byte }) { current[index] += 1 }
        }
        if lineHasContent && lines < maxLines {
            for index in candidates.indices { counts[index].append(current[index]) }
        }
        var best = CSVDelimiter.comma
        var bestScore = (0, 0)
        for (index, candidate) in candidates.enumerated() {
            let perLine = counts[index]
            var frequency: [Int: Int] = [:]
            for count in perLine where count > 0 { frequency[count, default: 0] += 1 }
            guard let (mode, agreeing) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
                continue
            }
            let score = (agreeing, mode)
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        return best
    }
}
