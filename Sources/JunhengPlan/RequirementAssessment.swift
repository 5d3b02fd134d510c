public import JunhengCore

/// The status of one requirement of the plan: the combined status of its parts (``RequirementStatus``
/// ``RequirementStatus/combining(_:)``), and the parts themselves.
public struct RequirementAssessment: Sendable, Hashable {
    public var requirement: PlanRequirement
    public var parts: [PartAssessment]
    public var status: RequirementStatus

    public init(requirement: PlanRequirement, parts: [PartAssessment]) {
        self.requirement = requirement
        self.parts = parts
        self.status = RequirementStatus.combining(parts.map(\.status))
    }

    public var code: String { requirement.code }

    /// The figure: the part's own, or the lead of each part's after its code (`C31-1 12.5% · C31-2 18%`;
    /// each part's whole figure is in ``parts``).
    public var figure: LocalizedText {
        guard parts.count > 1 else { return parts[0].figure }
        return parts.enumerated().reduce(LocalizedText(verbatim: "")) { text, item in
            text + LocalizedText(verbatim: (item.offset == 0 ? "" : " · ") + item.element.part.code + " ")
                + Self.lead(item.element.figure)
        }
    }

    /// The first piece of a figure of several (`26/28 校达到 · 最低 3.49` → `26/28 校达到`).
    static func lead(_ figure: LocalizedText) -> LocalizedText {
        func first(_ text: String) -> String {
            text.firstRange(of: " · ").map { String(text[..<$0.lowerBound]) } ?? text
        }
        return LocalizedText(zh: first(figure.zh), en: first(figure.en))
    }

    /// The standard: the part's own, or each part's joined by `；`.
    public var standard: LocalizedText {
        guard parts.count > 1 else { return parts[0].standard }
        return parts.enumerated().reduce(LocalizedText(verbatim: "")) { text, item in
            text + (item.offset == 0 ? LocalizedText(verbatim: "") : LocalizedText(zh: "；", en: "; "))
                + item.element.standard
        }
    }

    /// Where the status came from: 计算, 填报, 计算+填报, or —.
    public var sources: Set<PartAssessment.Source> { Set(parts.map(\.source)) }

    /// Every contradiction of its parts.
    public var contradictions: [Contradiction] { parts.compactMap(\.contradiction) }

    /// Every caveat of its parts, each after its part's code when there are several.
    public var notes: [LocalizedText] {
        parts.flatMap { part in
            part.notes.map { parts.count > 1 ? LocalizedText(verbatim: part.part.code + " ") + $0 : $0 }
        }
    }
}
