import Foundation
import JunhengCore
import JunhengIngest
import JunhengQuestionnaire
import Testing

@testable import JunhengEvaluation

/// A damaged .xls in the county folder (issue 22) is named as damaged, and every other file's figures
/// stand: libfreexl reads it in a child process, so whatever the file does to libfreexl ends there.
@Suite struct DamagedWorkbookFolderTests {
    init() {
        XLSReaderProcess.current = .beside("XLSReaderHost")
    }

    @Test func theOtherFilesWorkIsKept() throws {
        let folder = NSTemporaryDirectory() + "junheng-damaged-folder-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/surveys", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: repositoryPath("Tests/JunhengQuestionnaireTests/Fixtures/wjx800.yaml"),
            toPath: folder + "/surveys/wjx800.yaml")
        let export = repositoryPath("Tests/JunhengQuestionnaireTests/Fixtures/wjx800_text.xls")
        try FileManager.default.copyItem(atPath: export, toPath: folder + "/问卷星下载.xls")
        // The same export with byte 35,272 set to 0xFE, which crashed libfreexl (and junheng) in freexl_open.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: export)))
        bytes[35_272] = 0xFE
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/另一份下载.xls"))

        let evaluation = try CountyEvaluation.run(
            CountyEvaluationOptions(dataDirectory: folder, planPath: repositoryPath("plan/plan.yaml")))
        let damaged = try #require(evaluation.folder.unplaced.first { $0.path.hasSuffix("另一份下载.xls") })
        #expect(damaged.reason.zh.contains("工作簿已损坏"))
        #expect(damaged.reason.en.contains("The workbook is damaged"))
        let frequencies = try #require(evaluation.satisfaction.first { $0.survey.id == "wjx800" }?.frequencies)
        #expect(frequencies.used == 800)
        #expect(frequencies.questions.first { $0.id == "phones" }?.counts.options.map(\.count) == [521, 261, 12, 6])
    }
}
