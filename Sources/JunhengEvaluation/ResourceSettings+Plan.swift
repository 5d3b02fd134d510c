import JunhengCore
public import JunhengPlan
public import JunhengResources

extension ResourceSettings {
    /// The settings with the plan's thresholds as the standards and limits and the plan's 责任单位, so that a
    /// county that edits a threshold or a unit in its plan changes the resource analysis too; the plan's
    /// `acceptance:` (the national rule) sets the 6-of-7 school rule and the 差异系数 limits (split weights
    /// and the other settings keep their values). `junheng report` and
    /// `junheng resources --plan` both read the resources this way.
    public func applying(_ plan: CountyPlan) -> ResourceSettings {
        var settings = self
        for computation in PlanComputation.allCases {
            guard let threshold = plan.threshold(for: computation) else { continue }
            let value = threshold.value
            let whole = NumberCell.wholeNumber(value)
            if let (indicator, stage) = computation.resourceIndicator {
                let path = Self.standardPath(indicator)
                switch stage {
                case .primary: settings.primaryStandards[keyPath: path] = value
                case .junior: settings.juniorStandards[keyPath: path] = value
                }
                continue
            }
            switch computation {
            case .musicRoomCount, .artRoomCount: whole.map { settings.guarantees.classesPerRoom = $0 }
            case .musicRoomArea: settings.guarantees.minMusicRoomArea = value
            case .artRoomArea: settings.guarantees.minArtRoomArea = value
            case .schoolSize: whole.map { settings.guarantees.maxSchoolSize = $0 }
            case .combinedSchoolSize: whole.map { settings.guarantees.maxCombinedSchoolSize = $0 }
            case .classSizePrimary: whole.map { settings.guarantees.maxPrimaryClassSize = $0 }
            case .classSizeJunior: whole.map { settings.guarantees.maxJuniorClassSize = $0 }
            default: break
            }
        }
        if let acceptance = plan.acceptance {
            settings.minimumIndicatorsMet = acceptance.indicatorsMet
            settings.missedIndicatorFloor = acceptance.missedFloor
            settings.primaryCVThreshold = acceptance.primaryCVLimit
            settings.juniorCVThreshold = acceptance.juniorCVLimit
        }
        settings.units = settings.units.applying(plan)
        return settings
    }

    static func standardPath(_ indicator: ResourceIndicator) -> WritableKeyPath<IndicatorStandards, Double> {
        switch indicator {
        case .qualifiedTeachers: \.qualifiedTeachers
        case .backboneTeachers: \.backboneTeachers
        case .sportsArtTeachers: \.sportsArtTeachers
        case .teachingSpace: \.teachingSpace
        case .sportsGround: \.sportsGround
        case .equipmentValue: \.equipmentValue
        case .multimediaRooms: \.multimediaRooms
        }
    }
}

extension ResourceUnits {
    /// The plan's units: an indicator's are those of its requirements (B1 → C1, C2), a guarantee check's
    /// those of the requirement that computes it; what the plan does not have keeps its value.
    func applying(_ plan: CountyPlan) -> ResourceUnits {
        var units = self
        for indicator in ResourceIndicator.allCases {
            if let requirement = plan.requirements.first(where: { $0.indicator == indicator.code }),
                !requirement.units.isEmpty
            {
                units.indicators[indicator] = requirement.units
            }
        }
        func computing(_ computation: PlanComputation) -> [String]? {
            plan.requirements.first { $0.parts.contains { $0.computation == computation } }?.units
                .nilIfEmpty
        }
        units.schoolSize = computing(.schoolSize) ?? units.schoolSize
        units.classSize = computing(.classSizePrimary) ?? units.classSize
        units.rooms = computing(.musicRoomArea) ?? units.rooms
        units.english.merge(plan.unitNamesEn) { $1 }
        return units
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
