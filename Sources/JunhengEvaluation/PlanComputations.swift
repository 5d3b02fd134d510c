import JunhengCore
import JunhengMonitoring
import JunhengPlan
import JunhengResources

/// Everything junheng computes for the plan from the county's own files, by part code, and why a
/// computable part could not be computed (no roster, a missing column, no monitoring results).
struct PlanComputations {
    var computed: [String: ComputedPart] = [:]
    var unavailable: [String: LocalizedText] = [:]

    /// Runs the computation of every computed part of the plan.
    init(plan: CountyPlan, roster: SchoolRoster?, resources: ResourceReport?, monitoring: [MonitoringResult]) {
        for part in plan.parts {
            guard let computation = part.computation, let threshold = part.threshold else { continue }
            if let result = Self.compute(
                computation, part: part, threshold: threshold, roster: roster, resources: resources,
                monitoring: monitoring)
            {
                computed[part.code] = result
            } else {
                unavailable[part.code] = Self.reason(computation, roster: roster, resources: resources)
            }
        }
    }

    static func compute(
        _ computation: PlanComputation, part: RequirementPart, threshold: PlanThreshold, roster: SchoolRoster?,
        resources: ResourceReport?, monitoring: [MonitoringResult]
    ) -> ComputedPart? {
        switch computation {
        case .monitoringGrade4:
            return MonitoringRequirements.compute(grade: .four, threshold: threshold, history: monitoring)
        case .monitoringGrade8:
            return MonitoringRequirements.compute(grade: .eight, threshold: threshold, history: monitoring)
        default: break
        }
        guard let roster, let resources else { return nil }
        if let (indicator, stage) = computation.resourceIndicator {
            return ResourceRequirements.compute(indicator, stage, threshold: threshold, report: resources)
        }
        switch computation {
        case .musicRoomCount:
            return GuaranteeRequirements.roomCount(music: true, threshold: threshold, report: resources, roster: roster)
        case .artRoomCount:
            return GuaranteeRequirements.roomCount(
                music: false, threshold: threshold, report: resources, roster: roster)
        case .musicRoomArea:
            return GuaranteeRequirements.roomArea(music: true, threshold: threshold, report: resources, roster: roster)
        case .artRoomArea:
            return GuaranteeRequirements.roomArea(music: false, threshold: threshold, report: resources, roster: roster)
        case .schoolSize:
            return GuaranteeRequirements.schoolSize(
                combined: false, threshold: threshold, report: resources, roster: roster)
        case .combinedSchoolSize:
            return GuaranteeRequirements.schoolSize(
                combined: true, threshold: threshold, report: resources, roster: roster)
        case .classSizePrimary:
            return ClassSizeRequirements.compute(stage: .primary, threshold: threshold, roster: roster)
        case .classSizeJunior:
            return ClassSizeRequirements.compute(stage: .junior, threshold: threshold, roster: roster)
        case .smallSchoolFunding:
            return FundingRequirements.smallSchools(part: part, threshold: threshold, roster: roster)
        case .specialEducationFunding: return FundingRequirements.specialEducation(threshold: threshold, roster: roster)
        case .trainingFunds: return FundingRequirements.trainingFunds(threshold: threshold, roster: roster)
        default: return nil
        }
    }

    /// Why a part could not be computed, in words a data officer can act on.
    static func reason(_ computation: PlanComputation, roster: SchoolRoster?, resources: ResourceReport?)
        -> LocalizedText
    {
        func columns(_ list: [RosterColumn]) -> LocalizedText {
            let names = list.map(\.rawValue).joined(separator: "、")
            return LocalizedText(zh: "学校基础数据中没有“\(names)”列", en: "the roster has no column \(names)")
        }
        switch computation {
        case .monitoringGrade4, .monitoringGrade8:
            return LocalizedText(
                zh: "没有该年级的质量监测结果", en: "no quality-monitoring result of this grade")
        default: break
        }
        guard roster != nil, resources != nil else {
            return LocalizedText(zh: "没有可用的学校基础数据", en: "no usable school roster")
        }
        switch computation {
        case .musicRoomCount: return columns([.primaryClasses, .juniorClasses, .musicRooms])
        case .artRoomCount: return columns([.primaryClasses, .juniorClasses, .artRooms])
        case .musicRoomArea: return columns([.musicRooms, .minMusicRoomArea])
        case .artRoomArea: return columns([.artRooms, .minArtRoomArea])
        case .classSizePrimary: return columns([.primaryClasses, .maxClassSize])
        case .classSizeJunior: return columns([.juniorClasses, .maxClassSize])
        case .smallSchoolFunding, .specialEducationFunding: return columns([.approvedPublicFunds])
        case .trainingFunds: return columns([.publicFundsBudget, .trainingFunds])
        default:
            return LocalizedText(zh: "学校基础数据中没有该学段的学校", en: "the roster has no school of this stage")
        }
    }
}
