import Testing

@testable import JunhengStatistics

/// ICC(1) pinned on small fixtures worked out by hand from DOMAIN.md §3.
struct IntraclassCorrelationTests {
    func estimate(_ groups: [[Double]]) throws -> IntraclassCorrelation {
        try IntraclassCorrelation.oneWay(groups: groups).get()
    }

    @Test func undefinedWithNoOrOneSchool() {
        #expect(IntraclassCorrelation.oneWay(groups: []) == .failure(.fewerThanTwoGroups))
        #expect(IntraclassCorrelation.oneWay(groups: [[1, 2, 3]]) == .failure(.fewerThanTwoGroups))
        // An empty school holds no student and does not count as a group.
        #expect(IntraclassCorrelation.oneWay(groups: [[1, 2, 3], []]) == .failure(.fewerThanTwoGroups))
    }

    @Test func undefinedWhenEverySchoolHasOneStudent() {
        // N = k = 2: MSW would divide by N − k = 0.
        #expect(IntraclassCorrelation.oneWay(groups: [[1], [2]]) == .failure(.noWithinGroupDegreesOfFreedom))
    }

    @Test func undefinedWhenAllScoresAreEqual() {
        // MSB = 0 and MSW = 0: the denominator is 0.
        #expect(IntraclassCorrelation.oneWay(groups: [[3, 3], [3, 3]]) == .failure(.noVariance))
    }

    @Test func balancedTwoSchools() throws {
        // A = [1, 3] (ȳ_A = 2), B = [5, 7] (ȳ_B = 6); N = 4, k = 2, ȳ = 16 / 4 = 4.
        // MSB = (2·(2−4)² + 2·(6−4)²) / 1 = 16
        // MSW = ((1−2)² + (3−2)² + (5−6)² + (7−6)²) / (4 − 2) = 4 / 2 = 2
        // n0  = (4 − (4 + 4)/4) / 1 = 2
        // ICC = (16 − 2) / (16 + (2 − 1)·2) = 14 / 18 = 0.777…
        let icc = try estimate([[1, 3], [5, 7]])
        #expect(icc.groups == 2)
        #expect(icc.observations == 4)
        #expect(icc.grandMean == 4)
        #expect(icc.meanSquareBetween == 16)
        #expect(icc.meanSquareWithin == 2)
        #expect(icc.n0 == 2)
        #expect(abs(icc.rawEstimate - 14.0 / 18.0) < 1e-12)
        #expect(!icc.isNegative)
    }

    @Test func unbalancedThreeSchools() throws {
        // A = [1, 3] (ȳ 2), B = [4, 6, 8] (ȳ 6), C = [8, 10] (ȳ 9); N = 7, k = 3, ȳ = 40/7.
        // SSB = 2·(2 − 40/7)² + 3·(6 − 40/7)² + 2·(9 − 40/7)² = (2·676 + 3·4 + 2·529)/49 = 2422/49
        // MSB = 2422/49 / 2 = 1211/49 ≈ 24.714
        // SSW = (1 + 1) + (4 + 0 + 4) + (1 + 1) = 12;  MSW = 12 / (7 − 3) = 3
        // n0  = (7 − (4 + 9 + 4)/7) / 2 = (32/7) / 2 = 16/7 ≈ 2.2857 (less than the mean size 7/3)
        // ICC = (1211/49 − 147/49) / (1211/49 + (9/7)·3) = (1064/49) / (1400/49) = 0.76
        let icc = try estimate([[1, 3], [4, 6, 8], [8, 10]])
        #expect(icc.groups == 3)
        #expect(icc.observations == 7)
        #expect(abs(icc.meanSquareBetween - 1211.0 / 49.0) < 1e-12)
        #expect(abs(icc.meanSquareWithin - 3) < 1e-12)
        #expect(abs(icc.n0 - 16.0 / 7.0) < 1e-12)
        #expect(abs(icc.rawEstimate - 0.76) < 1e-12)
        #expect(abs(icc.estimate - 0.76) < 1e-12)
    }

    @Test func negativeRawEstimateIsReportedAsZeroAndFlagged() throws {
        // A = [1, 5] (ȳ 3), B = [2, 4, 6] (ȳ 4); N = 5, k = 2, ȳ = 18/5 = 3.6.
        // MSB = (2·(3 − 3.6)² + 3·(4 − 3.6)²) / 1 = 0.72 + 0.48 = 1.2
        // MSW = ((4 + 4) + (4 + 0 + 4)) / (5 − 2) = 16/3
        // n0  = (5 − (4 + 9)/5) / 1 = 2.4
        // ICC = (1.2 − 16/3) / (1.2 + 1.4·16/3) = (−62/15) / (130/15) = −31/65 ≈ −0.4769
        let icc = try estimate([[1, 5], [2, 4, 6]])
        #expect(abs(icc.meanSquareBetween - 1.2) < 1e-12)
        #expect(abs(icc.meanSquareWithin - 16.0 / 3.0) < 1e-12)
        #expect(abs(icc.n0 - 2.4) < 1e-12)
        #expect(abs(icc.rawEstimate - (-31.0 / 65.0)) < 1e-12)
        #expect(icc.isNegative)
        #expect(icc.estimate == 0)
    }

    @Test func schoolWithOneStudentAddsNoWithinVariance() throws {
        // A = [2, 4] (ȳ 3), B = [9] (ȳ 9); N = 3, k = 2, ȳ = 5.
        // MSB = (2·(3 − 5)² + 1·(9 − 5)²) / 1 = 8 + 16 = 24
        // MSW = ((2 − 3)² + (4 − 3)²) / (3 − 2) = 2
        // n0  = (3 − (4 + 1)/3) / 1 = 4/3
        // ICC = (24 − 2) / (24 + (1/3)·2) = 22 / (74/3) = 66/74 ≈ 0.8919
        let icc = try estimate([[2, 4], [9]])
        #expect(abs(icc.n0 - 4.0 / 3.0) < 1e-12)
        #expect(abs(icc.rawEstimate - 66.0 / 74.0) < 1e-12)
    }
}
