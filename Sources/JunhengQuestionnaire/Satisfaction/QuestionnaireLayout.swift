/// What the satisfaction pipeline precomputes from a questionnaire, so a response is read without
/// copying questions: the scored items and dimensions, the questions that play a role, and per option
/// (flat: question `q`'s options start at ``optionBase``[q]) how it scores and which grouping value it
/// gives.
///
/// Grouping values (group, township, school and grade texts) are numbered: the numbers below
/// ``values``.count are the questionnaire's own (fixed here); free-text values a response brings get
/// numbers after them in each ``ResponseTally``.
final class QuestionnaireLayout: Sendable {
    let survey: Questionnaire
    let items: [ScoredItem]
    /// question index → item index (single/scale scored questions).
    let itemOfQuestion: [Int: Int]
    /// [question, row] → item index.
    let itemOfRow: [[Int]: Int]
    /// item → dimension number (into ``dimensionIDs``).
    let itemDimension: [Int]
    let dimensionIDs: [String]
    let groupQuestion: Int?
    let townshipQuestion: Int?
    let schoolQuestion: Int?
    let gradeQuestion: Int?
    let optionBase: [Int]
    /// Per flat option: left out of the denominator (不了解), and positive (满意).
    let optionExcluded: [Bool]
    let optionPositive: [Bool]
    /// Per flat option: the value number of its text (township, school, grade), or of its group (the
    /// group question; `(组外)` for an option without a group).
    let optionValueIDs: [Int]
    /// Per flat option: it marks a respondent outside the groups; it has a group.
    let optionOutside: [Bool]
    let optionHasGroup: [Bool]
    /// The questionnaire's grouping values by number (``GroupingKey/missing`` is 0, ``GroupingKey/outside`` 1).
    let values: [String]
    let valueIDs: [String: Int]
    /// The value number of the questionnaire's default group (no group question).
    let defaultGroupID: Int?
    let missingID = 0
    let outsideID = 1
    /// Sums per stratum: the response's total, each item, each dimension.
    let stratumStride: Int

    init(survey: Questionnaire) {
        self.survey = survey
        let items = survey.items
        self.items = items
        var itemOfQuestion: [Int: Int] = [:]
        var itemOfRow: [[Int]: Int] = [:]
        for (index, item) in items.enumerated() {
            if let row = item.rowIndex {
                itemOfRow[[item.questionIndex, row]] = index
            } else {
                itemOfQuestion[item.questionIndex] = index
            }
        }
        self.itemOfQuestion = itemOfQuestion
        self.itemOfRow = itemOfRow
        var dimensionIDs = survey.dimensions.map(\.id)
        if items.contains(where: { $0.dimension == nil }) { dimensionIDs.append(GroupingKey.noDimension) }
        self.dimensionIDs = dimensionIDs
        self.itemDimension = items.map { item in
            dimensionIDs.firstIndex(of: item.dimension ?? GroupingKey.noDimension)!
        }
        let groupQuestion = survey.questions.firstIndex { $0.role == .group }
        self.groupQuestion = groupQuestion
        self.townshipQuestion = survey.questions.firstIndex { $0.role == .township }
        self.schoolQuestion = survey.questions.firstIndex { $0.role == .school }
        self.gradeQuestion = survey.questions.firstIndex { $0.role == .grade }
        var optionBase: [Int] = []
        var flat = 0
        for question in survey.questions {
            optionBase.append(flat)
            flat += question.options.count
        }
        self.optionBase = optionBase
        let allOptions = survey.questions.flatMap(\.options)
        self.optionExcluded = allOptions.map(\.excluded)
        self.optionPositive = allOptions.map(\.positive)
        self.optionOutside = allOptions.map(\.outside)
        self.optionHasGroup = allOptions.map { $0.group != nil }
        var values = [GroupingKey.missing, GroupingKey.outside]
        var valueIDs = [GroupingKey.missing: 0, GroupingKey.outside: 1]
        func intern(_ value: String) -> Int {
            if let id = valueIDs[value] { return id }
            values.append(value)
            valueIDs[value] = values.count - 1
            return values.count - 1
        }
        self.optionValueIDs = survey.questions.indices.flatMap { q in
            survey.questions[q].options.map { option in
                intern(q == groupQuestion ? option.group ?? GroupingKey.outside : option.text)
            }
        }
        self.defaultGroupID = survey.defaultGroup.map(intern)
        self.values = values
        self.valueIDs = valueIDs
        self.stratumStride = 1 + items.count + dimensionIDs.count
    }

    /// The number of flat options.
    var optionCount: Int { optionExcluded.count }
}
