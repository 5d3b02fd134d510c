import Testing

@testable import JunhengStatistics

/// Expected values from SciPy 1.17 (`scipy.stats.f.ppf(p, d1, d2)` and `scipy.special.betainc(a, b, x)`),
/// computed independently of this code.
@Suite struct FDistributionTests {
    static let quantiles: [(p: Double, d1: Double, d2: Double, q: Double)] = [
        (0.975, 2, 3, 16.044106429277186), (0.025, 2, 3, 0.02553267898521133),
        (0.975, 13, 398, 1.935746581661828), (0.025, 13, 398, 0.3824269506969397),
        (0.975, 1, 1, 647.7890114778442), (0.5, 2, 3, 0.8811015779522993),
        (0.999, 5, 10, 10.480722468097891), (0.001, 30, 5, 0.1807039566725225),
        (0.975, 9, 278, 2.1597520748856915), (0.025, 9, 278, 0.29775360803485434),
        (0.95, 100, 10000, 1.2450564928030834), (0.05, 1, 2, 0.005012531328320802),
    ]

    @Test(arguments: 0..<quantiles.count) func quantileAgreesWithSciPy(_ index: Int) {
        let (p, d1, d2, expected) = Self.quantiles[index]
        let distribution = FDistribution(numeratorDegrees: d1, denominatorDegrees: d2)
        let q = distribution.quantile(p)
        #expect(abs(q - expected) <= 1e-10 * expected, "q(\(p); \(d1), \(d2)) = \(q), SciPy \(expected)")
        // And back: P(F ≤ q(p)) = p.
        #expect(abs(distribution.cumulative(q) - p) < 1e-12)
    }

    @Test func incompleteBetaAgreesWithSciPy() {
        let cases: [(x: Double, a: Double, b: Double, value: Double)] = [
            (0.3, 2.5, 4, 0.3521975859067672), (0.9, 0.5, 0.5, 0.7951672353008665),
            (0.01, 6.5, 199, 0.009408897558759757), (0.999, 200, 3, 0.9988334368468834), (0.5, 1, 1, 0.5),
        ]
        for (x, a, b, value) in cases {
            let computed = IncompleteBeta.regularized(x, a: a, b: b)
            #expect(abs(computed - value) < 1e-13, "I_\(x)(\(a), \(b)) = \(computed), SciPy \(value)")
            #expect(abs(IncompleteBeta.inverse(value, a: a, b: b) - x) < 1e-11 * max(x, 1e-3))
        }
        #expect(IncompleteBeta.regularized(0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(1, a: 2, b: 3) == 1)
        #expect(IncompleteBeta.inverse(0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.inverse(1, a: 2, b: 3) == 1)
    }

    /// F(1, 1) is the square of a Cauchy variable's ratio: P(F ≤ 1) = ½ by symmetry.
    @Test func medianOfFOneOne() {
        #expect(abs(FDistribution(numeratorDegrees: 1, denominatorDegrees: 1).cumulative(1) - 0.5) < 1e-14)
        #expect(FDistribution(numeratorDegrees: 3, denominatorDegrees: 7).cumulative(0) == 0)
        #expect(FDistribution(numeratorDegrees: 3, denominatorDegrees: 7).cumulative(.infinity) == 1)
    }
}
