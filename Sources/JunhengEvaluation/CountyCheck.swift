import Foundation
public import JunhengCore
import JunhengPlan
import JunhengQuestionnaire
import JunhengRegistry
import JunhengResources

/// `junheng check`: every check of a county data folder — each file, and the names across files — without
/// writing a report. ``passes`` is false when anything found could change a figure of the report: a name
/// the registry lacks (or, without one, names the files write differently), a file that cannot be placed or
/// read, a problem or contradiction in the indicator sheet, a roster row skipped, an answer that is not an
/// option, a screen that could not run, a partial export.
public struct CountyCheck: Sendable {
    /// One thing found, at its place when it has one.
    public struct Finding: Sendable, Hashable {
        public var location: SourceLocation?
        public var message: LocalizedText
        /// Fixing it could change a figure (`junheng check` exits 1); otherwise it is a note.
        public var changesFigures: Bool

        public init(location: SourceLocation?, message: LocalizedText, changesFigures: Bool = true) {
            self.location = location
            self.message = message
            self.changesFigures = changesFigures
        }
    }

    /// The findings of one kind of check (names, a file kind …).
    public struct Group: Sendable, Hashable {
        public var title: LocalizedText
        public var findings: [Finding]
    }

    public var evaluation: CountyEvaluation
    public var groups: [Group]

    /// Whether nothing found could change a figure.
    public var passes: Bool { !groups.contains { $0.findings.contains(where: \.changesFigures) } }

    /// How many findings could change a figure.
    public var count: Int { groups.reduce(0) { $0 + $1.findings.filter(\.changesFigures).count } }

    /// Answer problems listed one by one in each export, the rest counted.
    static let listedAnswerProblems = 10

    /// Reads and checks the folder as `junheng report` would, and writes nothing.
    public static func run(_ options: CountyEvaluationOptions) throws -> CountyCheck {
        CountyCheck(evaluation: try CountyEvaluation.run(options))
    }

    public init(evaluation: CountyEvaluation) {
        self.evaluation = evaluation
        var groups: [Group] = []
        let names = evaluation.names
        groups.append(
            Group(
                title: LocalizedText(zh: "学校和乡镇名称", en: "School and township names"),
                findings: names.registryProblems.map { Finding(location: $0.location, message: $0.message) }
                    + names.all.map { Finding(location: $0.location, message: $0.message) }))
        let tables = [".csv", ".txt", ".tsv", ".xls", ".xlsx", ".yaml", ".yml"]
        groups.append(
            Group(
                title: LocalizedText(zh: "未使用的文件", en: "Files not used"),
                findings: evaluation.folder.unplaced.map { file in
                    Finding(
                        location: SourceLocation(file: file.path), message: file.reason,
                        changesFigures: tables.contains { file.path.lowercased().hasSuffix($0) })
                }))
        let plan = evaluation.plan
        groups.append(
            Group(
                title: LocalizedText(zh: "县级指标填报表", en: "County indicator sheet"),
                findings: plan.issues.map { Finding(location: $0.location, message: $0.message) }
                    + plan.contradictions.map {
                        Finding(location: $0.location, message: LocalizedText(verbatim: $0.code + " ") + $0.message)
                    }))
        if let resources = evaluation.resources {
            // Above the first school's row (a title row, an unknown or repeated column of the header) a
            // problem changes no school's figures; at or below it, a row may be missing or misread.
            let firstRow = (resources.schools.map(\.line) + resources.excluded.map(\.line)).min() ?? Int.max
            groups.append(
                Group(
                    title: LocalizedText(zh: "学校基础数据", en: "School roster"),
                    findings: resources.warnings.map { warning in
                        Finding(
                            location: warning.location, message: warning.message,
                            changesFigures: (warning.location.line ?? firstRow) >= firstRow)
                    }))
        }
        for result in evaluation.satisfaction {
            var findings: [Finding] = result.answerProblems.prefix(Self.listedAnswerProblems).map { problem in
                Finding(
                    location: SourceLocation(file: problem.file, line: problem.line, column: problem.column),
                    message: problem.message)
            }
            let more = result.answerProblemCount - findings.count
            if more > 0 {
                findings.append(
                    Finding(
                        location: nil,
                        message: LocalizedText(
                            zh: "另有 \(more) 个答案不是选项（junheng satisfaction 可列出全部）。",
                            en: "\(more) more answers are not options (junheng satisfaction lists them all).")))
            }
            let external = Set(result.externalCaveats)
            for caveat in result.caveats where !external.contains(caveat) {
                findings.append(
                    Finding(
                        location: nil, message: caveat,
                        changesFigures: result.partial
                            || result.screens.contains { $0.caveat == caveat }))
            }
            groups.append(
                Group(
                    title: LocalizedText(zh: "问卷 \(result.survey.id) 的答卷", en: "Responses to \(result.survey.id)"),
                    findings: findings))
        }
        groups.append(
            Group(
                title: LocalizedText(zh: "无法计算的部分", en: "Not computed"),
                findings: evaluation.problems.map { problem in
                    Finding(
                        location: nil, message: problem.area + LocalizedText(verbatim: ": ") + problem.message,
                        changesFigures: !problem.missing)
                }))
        self.groups = groups.filter { !$0.findings.isEmpty }
    }
}
