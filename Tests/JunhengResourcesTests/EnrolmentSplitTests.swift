import Testing

@testable import JunhengResources

@Test func singleStageSchoolKeepsEverything() {
    let split = EnrolmentSplit()
    #expect(split.share(of: .primary, type: .primary, primary: 300, junior: 0, senior: 0) == 1)
    #expect(split.share(of: .junior, type: .junior, primary: 0, junior: 300, senior: 0) == 1)
    #expect(split.share(of: .junior, type: .primary, primary: 300, junior: 0, senior: 0) == 0)
}

@Test func schoolWithoutStudentsSharesNothing() {
    #expect(EnrolmentSplit().share(of: .primary, type: .nineYear, primary: 0, junior: 0, senior: 0) == 0)
}

@Test func nineYearWorkedExample() {
    // shared/spec/cases/split_worked_example.csv (https://www.dyhzdl.cn/k/doc/da4bfb8403d8ce2f0166234d.html):
    // 166 primary, 210 junior, 23 226 books, weights 1 : 1.1.
    // Weighted enrolment = 166 + 1.1·210 = 166 + 231 = 397.
    // Exact: primary 23226·166/397 = 9711.63, junior 23226·231/397 = 13514.37.
    let split = EnrolmentSplit()
    let primary = 23226 * split.share(of: .primary, type: .nineYear, primary: 166, junior: 210, senior: 0)
    let junior = 23226 * split.share(of: .junior, type: .nineYear, primary: 166, junior: 210, senior: 0)
    #expect(abs(primary - 23226.0 * 166 / 397) < 1e-9)
    #expect(abs(junior - 23226.0 * 231 / 397) < 1e-9)
    #expect(abs(primary + junior - 23226) < 1e-9)
    // The published 9 711 / 13 515 round the books per weighted student first: 23226 / 397 = 58.504 → 58.5,
    // primary = 58.5 × 166 = 9711, junior = 23226 − 9711 = 13515. The exact split is within one book of both.
    let perWeightedStudent = (23226.0 / 397 * 10).rounded() / 10
    #expect(perWeightedStudent == 58.5)
    #expect((perWeightedStudent * 166).rounded() == 9711)
    #expect(23226 - (perWeightedStudent * 166).rounded() == 13515)
    #expect(abs(primary - 9711) < 1)
    #expect(abs(junior - 13515) < 1)
}

@Test func twelveYearSchoolGivesSeniorItsShare() {
    // A = 100, B = 100, C = 100: weighted 100 + 110 + 132 = 342; primary 100/342, junior 110/342.
    let split = EnrolmentSplit()
    #expect(
        abs(split.share(of: .primary, type: .twelveYear, primary: 100, junior: 100, senior: 100) - 100.0 / 342) < 1e-12)
    #expect(
        abs(split.share(of: .junior, type: .twelveYear, primary: 100, junior: 100, senior: 100) - 110.0 / 342) < 1e-12)
}

@Test func completeMiddleSchoolUsesOneToOnePointTwo() {
    // Junior 500, senior 500, junior : senior = 1 : 1.2: junior share 500 / (500 + 600) = 5/11.
    let share = EnrolmentSplit().share(of: .junior, type: .completeMiddle, primary: 0, junior: 500, senior: 500)
    #expect(abs(share - 5.0 / 11) < 1e-12)
}

@Test func weightsAreSettings() {
    // Weights 1 : 2: primary 100 / (100 + 2·100) = 1/3.
    let split = EnrolmentSplit(weights: SplitWeights(primary: 1, junior: 2, senior: 3))
    #expect(abs(split.share(of: .primary, type: .nineYear, primary: 100, junior: 100, senior: 0) - 1.0 / 3) < 1e-12)
}
