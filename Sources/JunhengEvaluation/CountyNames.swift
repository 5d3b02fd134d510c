import Foundation
public import JunhengCore
public import JunhengRegistry

/// Every school and township name the county's files give, checked against the folder's registry
/// (学校名录), or, without one, against each other (``NameComparison``): what `junheng check` reports
/// and what the report states beside every figure that depends on the names.
public struct CountyNames: Sendable, Hashable {
    /// The registry, when the folder has one that can be read.
    public var registry: SchoolRegistry?
    /// A reason the folder's registry cannot be used, at its place.
    public struct RegistryProblem: Sendable, Hashable {
        public var location: SourceLocation?
        public var message: LocalizedText

        public init(location: SourceLocation?, message: LocalizedText) {
            self.location = location
            self.message = message
        }

        /// `FILE:LINE:COLUMN: message`.
        public func line(_ language: Language) -> String {
            (location.map { "\($0): " } ?? "") + message.text(language)
        }
    }

    /// Why the folder's registry cannot be used (its problems, each with its place).
    public var registryProblems: [RegistryProblem]
    /// The files whose names were read, in folder order.
    public var sources: [NameSource]
    /// The findings of each source, aligned with ``sources``.
    public var findings: [[NameFinding]]

    public init(
        registry: SchoolRegistry?, registryProblems: [RegistryProblem] = [], sources: [NameSource],
        findings: [[NameFinding]]
    ) {
        precondition(sources.count == findings.count, "one list of findings a source")
        self.registry = registry
        self.registryProblems = registryProblems
        self.sources = sources
        self.findings = findings
    }

    /// Checks every source against the registry, or compares them with each other without one.
    public static func check(
        _ sources: [NameSource], registry: SchoolRegistry?, registryProblems: [RegistryProblem] = []
    )
        -> CountyNames
    {
        let findings =
            registry.map { registry in sources.map { NameCheck(registry: registry).check($0) } }
            ?? NameComparison.compare(sources)
        return CountyNames(
            registry: registry, registryProblems: registryProblems, sources: sources, findings: findings)
    }

    /// Every finding, in file order.
    public var all: [NameFinding] { findings.flatMap { $0 } }

    /// Whether every name agrees (and the registry, if the folder has one, could be read).
    public var agree: Bool { all.isEmpty && registryProblems.isEmpty }

    /// Names checked, in all files: townships and schools, distinct per file.
    public var namesChecked: Int { sources.reduce(0) { $0 + $1.occurrences.count } }

    /// The findings of one file.
    public func findings(file: String) -> [NameFinding] {
        zip(sources, findings).filter { $0.0.file == file }.flatMap { $0.1 }
    }

    /// The caveat beside a figure drawn from `files`: which of them give names the check did not accept,
    /// and what depends on them; `nil` when they all agree.
    public func caveat(files: [String]) -> LocalizedText? {
        var parts: [LocalizedText] = []
        for (source, found) in zip(sources, findings) where files.contains(source.file) && !found.isEmpty {
            let name = (source.file as NSString).lastPathComponent
            parts.append(
                registry == nil
                    ? LocalizedText(
                        zh: "\(name) 有 \(found.count) 个学校或乡镇名称与其他文件写法不一致",
                        en:
                            "\(ProperName.mark(name)) writes \(found.count) school or township names differently from another file"
                    )
                    : LocalizedText(
                        zh: "\(name) 有 \(found.count) 个学校或乡镇名称不在学校名录中",
                        en:
                            "\(ProperName.mark(name)) has \(found.count) school or township names that are not in the registry"
                    ))
        }
        guard !parts.isEmpty else { return nil }
        let figures = zip(sources, findings).filter { files.contains($0.0.file) && !$0.1.isEmpty }.map(\.0.figures)
        return LocalizedText(zh: "名称核对未通过：", en: "Names not confirmed: ")
            + CountyNames.joined(parts, zh: "；", en: "; ")
            + LocalizedText(zh: "。依赖这些名称的数字（", en: ". The figures that depend on these names (")
            + CountyNames.joined(figures, zh: "、", en: ", ")
            + LocalizedText(
                zh: "）可能不准，名称及建议见“数据来源与数据问题”。",
                en: ") may be wrong; the names and suggestions are under Data sources and problems.")
    }

    static func joined(_ texts: [LocalizedText], zh: String, en: String) -> LocalizedText {
        texts.enumerated().reduce(LocalizedText(verbatim: "")) { result, item in
            result + (item.offset == 0 ? LocalizedText(verbatim: "") : LocalizedText(zh: zh, en: en)) + item.element
        }
    }

    /// One sentence for the report's first lines and the terminal: the registry and what the check found.
    public var summary: LocalizedText {
        let files = sources.count
        guard let registry else {
            if !registryProblems.isEmpty {
                return LocalizedText(
                    zh: "学校名录无法读取（见“数据来源与数据问题”），名称未能核对。",
                    en: "The school registry cannot be read (see Data sources and problems): names are not checked.")
            }
            return all.isEmpty
                ? LocalizedText(
                    zh: "没有学校名录：\(files) 个文件的学校和乡镇名称相互比对，写法一致。",
                    en: "No school registry: the school and township names of \(files) files agree with each other.")
                : LocalizedText(
                    zh: "没有学校名录：\(files) 个文件的学校和乡镇名称相互比对，有 \(all.count) 处写法不一致。",
                    en:
                        "No school registry: the names of \(files) files compared with each other disagree in \(all.count) places."
                )
        }
        let schools = registry.entries.count
        let townships = registry.townships.count
        return all.isEmpty
            ? LocalizedText(
                zh: "学校名录核对通过：\(files) 个文件中的 \(namesChecked) 个学校和乡镇名称均在学校名录（\(schools) 所学校、\(townships) 个乡镇）中。",
                en:
                    "Registry check passed: all \(namesChecked) school and township names of \(files) files are in the registry (\(schools) schools, \(townships) townships)."
            )
            : LocalizedText(
                zh: "学校名录核对未通过：\(all.count) 个学校或乡镇名称不在学校名录（\(schools) 所学校、\(townships) 个乡镇）中。",
                en:
                    "Registry check failed: \(all.count) school or township names are not in the registry (\(schools) schools, \(townships) townships)."
            )
    }
}
