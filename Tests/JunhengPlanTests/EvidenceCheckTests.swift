import Foundation
import Testing

@testable import JunhengPlan

/// 佐证材料 must name a file inside the data folder: found, missing, or refused when it leads outside.
@Suite struct EvidenceCheckTests {
    let check = EvidenceCheck(root: fixture("folder"))

    @Test func findsFilesInsideTheFolder() {
        #expect(check.check(path: "evidence/C2-规划（2023）.txt") == .found("evidence/C2-规划（2023）.txt"))
        #expect(
            check.check("evidence\\C2-规划（2023）.txt；evidence/none.pdf").map(\.path) == [
                "evidence/C2-规划（2023）.txt", "evidence/none.pdf",
            ])
        #expect(check.check(path: "evidence/none.pdf") == .missing("evidence/none.pdf"))
        // A folder is not a file.
        #expect(check.check(path: "evidence") == .missing("evidence"))
        #expect(check.check("") == [])
    }

    /// A file of 0 bytes proves nothing: it is named as empty, never found.
    @Test func anEmptyFileIsNoEvidence() {
        #expect(check.check(path: "evidence/empty.txt") == .empty("evidence/empty.txt"))
        #expect(check.check("evidence/empty.txt; evidence/C2-规划（2023）.txt").map(\.path).count == 2)
    }

    @Test func refusesPathsLeadingOutside() throws {
        // ../outside.txt exists, next to the folder: still refused.
        #expect(FileManager.default.fileExists(atPath: fixture("outside.txt")))
        #expect(check.check(path: "../outside.txt") == .outside("../outside.txt"))
        #expect(check.check(path: "evidence/../../outside.txt") == .outside("evidence/../../outside.txt"))
        #expect(check.check(path: fixture("outside.txt")) == .outside(fixture("outside.txt")))
        #expect(check.check(path: "C:/材料/规划.pdf") == .outside("C:/材料/规划.pdf"))
        #expect(check.check(path: "~/规划.pdf") == .outside("~/规划.pdf"))
    }

    @Test func refusesALinkPointingOutside() throws {
        let root = NSTemporaryDirectory() + "junheng-evidence-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/link.txt", withDestinationPath: fixture("outside.txt"))
        #expect(EvidenceCheck(root: root).check(path: "link.txt") == .outside("link.txt"))
    }
}
