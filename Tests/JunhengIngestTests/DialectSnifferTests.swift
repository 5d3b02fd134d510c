import Testing

@testable import JunhengIngest

@Suite struct DialectSnifferTests {
    func sniff(_ text: String) -> CSVDelimiter { Array(text.utf8).withUnsafeBytes { DialectSniffer.sniff($0) } }

    @Test func consistentCountsWin() {
        #expect(sniff("a,b,c\n1,2,3\n") == .comma)
        #expect(sniff("a;b;c\n1;2,5;3\n4;5;6\n") == .semicolon)
        #expect(sniff("a\tb\n1\t2\n") == .tab)
        #expect(sniff("a|b\n1|2\n") == .pipe)
    }

    @Test func delimitersInsideQuotesDoNotCount() {
        #expect(sniff("a;b\n\"1,2,3\";4\n\"5,6,7\";8\n") == .semicolon)
    }

    @Test func oneColumnFallsBackToComma() {
        #expect(sniff("name\nx\n") == .comma)
    }

    @Test func sepLine() {
        let found = Array("sep=;\r\na;b".utf8).withUnsafeBytes { DialectSniffer.separatorLine($0) }
        #expect(found?.0 == .semicolon)
        #expect(found?.length == 7)
        #expect(Array("a,b\n".utf8).withUnsafeBytes { DialectSniffer.separatorLine($0) } == nil)
    }
}
