import Testing

@testable import JunhengIngest

/// What may come before a workbook part's root element.
@Suite struct XMLPrologCheckTests {
    static func verdict(_ chunks: [String]) -> XMLPrologCheck.Refusal? {
        var check = XMLPrologCheck()
        for chunk in chunks {
            if let refusal = check.check(Array(chunk.utf8)) { return refusal }
        }
        return nil
    }

    @Test func cleanPrologsPass() {
        #expect(Self.verdict([#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n<worksheet>"]) == nil)
        #expect(
            Self.verdict(["\u{FEFF}<?xml version=\"1.0\"?><!-- made by hand --><?mso-application progid?>\n<sst/>"])
                == nil)
        #expect(Self.verdict(["<worksheet><!DOCTYPE is text here, not a declaration>"]) == nil)
        // Split anywhere, even inside the declaration.
        #expect(Self.verdict(["<?xml versi", "on=\"1.0\"?", ">  <", "!-", "- x -", "-><root/>"]) == nil)
    }

    @Test func aDocumentTypeIsRefusedWhereverItIsCut() {
        let text = "<?xml version=\"1.0\"?>\n<!-- a -->\n<!DOCTYPE worksheet [<!ENTITY e \"x\">]><worksheet/>"
        for cut in 1..<text.utf8.count {
            let bytes = Array(text.utf8)
            var check = XMLPrologCheck()
            let refusal = check.check(bytes[..<cut]) ?? check.check(bytes[cut...])
            #expect(refusal?.description == "it declares a document type (<!DOCTYPE>), which no workbook part has")
        }
    }

    @Test func utf16PartsAreLookedAtToo() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x><x/>"
        let littleEndian: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        var check = XMLPrologCheck()
        #expect(check.check(littleEndian) != nil)
        check = XMLPrologCheck()
        #expect(check.check(bigEndian) != nil)
    }

    @Test func aPrologThatNeverEndsIsRefused() {
        #expect(
            Self.verdict([String(repeating: " ", count: 5_000) + "<x/>"])?.description
                == "no root element in its first 4096 bytes")
        #expect(Self.verdict(["<?xml " + String(repeating: "a", count: 10_000)]) != nil)
    }
}
