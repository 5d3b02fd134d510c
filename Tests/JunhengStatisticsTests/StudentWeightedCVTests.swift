import Testing

@testable import JunhengStatistics

/// Worked example `shared/spec/cases/cv_worked_example_books.csv` (five primary schools, books per student,
/// source https://m.777doc.com/doc-2019910.html): published X̄ = 6.33, S = 3.26, CV = 0.52 (0.5153).
private let bookStudents: [Double] = [45, 37, 89, 76, 55]
private let bookTotals: [Double] = [279, 137, 935, 160, 402]

@Test func emptyInputHasNoCV() {
    #expect(StudentWeightedCV(totals: [], students: []) == nil)
}

@Test func oneSchoolHasZeroSpread() {
    // X̄ = 30 / 10 = 3, X_1 = 3, S = 0, CV = 0.
    let cv = StudentWeightedCV(totals: [30], students: [10])!
    #expect(cv.mean == 3)
    #expect(cv.standardDeviation == 0)
    #expect(cv.coefficientOfVariation == 0)
}

@Test func twoSchoolsByHand() {
    // School A: 10 m² for 10 students (X=1); school B: 90 m² for 30 students (X=3).
    // X̄ = 100 / 40 = 2.5. S² = 10/40·(1−2.5)² + 30/40·(3−2.5)² = 0.25·2.25 + 0.75·0.25 = 0.5625 + 0.1875 = 0.75.
    // S = √0.75 = 0.8660254…, CV = 0.8660254 / 2.5 = 0.3464102…
    let cv = StudentWeightedCV(totals: [10, 90], students: [10, 30])!
    #expect(cv.mean == 2.5)
    #expect(abs(cv.standardDeviation - 0.75.squareRoot()) < 1e-12)
    #expect(abs(cv.coefficientOfVariation! - 0.75.squareRoot() / 2.5) < 1e-12)
    #expect(cv.totalStudents == 40)
    #expect(cv.count == 2)
}

@Test func allZeroTotalsHaveNoCV() {
    // X̄ = 0: CV = S / 0 is undefined.
    let cv = StudentWeightedCV(totals: [0, 0], students: [10, 20])!
    #expect(cv.mean == 0)
    #expect(cv.coefficientOfVariation == nil)
}

@Test func booksWorkedExampleMatchesPublishedCV() {
    // P = 45+37+89+76+55 = 302; Σx = 279+137+935+160+402 = 1913; X̄ = 1913/302 = 6.33444.
    // X_i = 6.2000, 3.7027, 10.5056, 2.1053, 7.3091.
    // (P_i/P)(X_i−X̄)²: 0.00269 + 0.84855 + 5.12745 + 4.50109 + 0.17300 = 10.65279 (published column:
    // 0.003, 0.85, 5.13, 4.50, 0.17).
    // S = √10.65279 = 3.26386 (published 3.26); CV = 3.26386 / 6.33444 = 0.51526 (published 0.5153).
    let cv = StudentWeightedCV(totals: bookTotals, students: bookStudents)!
    #expect(cv.totalStudents == 302)
    #expect(cv.total == 1913)
    #expect(abs(cv.mean - 1913.0 / 302.0) < 1e-12)
    #expect(abs(cv.mean - 6.33) < 0.005)
    #expect(abs(cv.standardDeviation - 3.26386) < 0.00001)
    #expect(abs(cv.coefficientOfVariation! - 0.5153) < 0.00005)
}

@Test func booksUnweightedCVsDiffer() {
    // The unweighted CVs of the five school values X_i: mean 5.96453; population CV 0.4888, sample CV 0.5465
    // (DOMAIN.md: 0.489 and 0.546). Both differ from the student-weighted 0.5153, so the case tells them apart.
    let values = zip(bookTotals, bookStudents).map { $0 / $1 }
    let mean = values.reduce(0, +) / 5
    let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
    let populationCV = (squares / 5).squareRoot() / mean
    let sampleCV = (squares / 4).squareRoot() / mean
    #expect(abs(populationCV - 0.489) < 0.0005)
    #expect(abs(sampleCV - 0.546) < 0.0005)
    let weighted = StudentWeightedCV(totals: bookTotals, students: bookStudents)!.coefficientOfVariation!
    #expect(abs(weighted - populationCV) > 0.02)
    #expect(abs(weighted - sampleCV) > 0.02)
}

@Test func perHundredScalingLeavesCVUnchanged() {
    // ×100 multiplies every X_i and X̄ by 100, and S by 100: CV unchanged (DOMAIN.md §1).
    let plain = StudentWeightedCV(totals: bookTotals, students: bookStudents)!
    let scaled = StudentWeightedCV(totals: bookTotals.map { $0 * 100 }, students: bookStudents)!
    #expect(abs(plain.coefficientOfVariation! - scaled.coefficientOfVariation!) < 1e-12)
}
