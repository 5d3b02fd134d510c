import Foundation
import JunhengCore
import Testing

@testable import JunhengStatistics

/// Two years drawn from one population, 1,000 times (seeded): the true change is 0, so the 95 % interval
/// of the change (DOMAIN.md §7) must hold 0 in about 95 % of draws (93–97 %: 1,000 draws give a standard
/// error of 0.7 points).
///
/// The population: 30 schools a year, 20–40 students each, a school effect u_j ~ N(0, 30²) and students'
/// scores ~ N(500 + u_j, 90²) (ICC about 0.10, as in the national monitoring); the share at Ⅲ+ counts
/// scores of 490 and more. Each year draws its own schools and students.
@Suite struct YearOverYearSimulationTests {
    struct Year {
        var mean = RatioEstimate()
        var share = RatioEstimate()
    }

    /// A standard normal draw (Box–Muller on two uniforms in (0, 1]).
    static func normal(_ generator: inout SplitMix64) -> Double {
        let u1 = (Double(generator.next() >> 11) + 1) / 9_007_199_254_740_992
        let u2 = Double(generator.next() >> 11) / 9_007_199_254_740_992
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    static func draw(_ generator: inout SplitMix64) -> Year {
        var year = Year()
        for _ in 0..<30 {
            let students = 20 + generator.below(21)
            let effect = 30 * normal(&generator)
            var sum = 0.0
            var atIIIPlus = 0.0
            for _ in 0..<students {
                let score = 500 + effect + 90 * normal(&generator)
                sum += score
                if score >= 490 { atIIIPlus += 1 }
            }
            year.mean.add(y: sum, m: Double(students))
            year.share.add(y: atIIIPlus, m: Double(students))
        }
        return year
    }

    @Test func theIntervalOfAChangeHoldsZeroInNinetyFivePercent() throws {
        var generator = SplitMix64(seed: 20_250_701)
        var meanCovers = 0
        var shareCovers = 0
        var verdicts: [YearOverYear.Verdict: Int] = [:]
        for _ in 0..<1000 {
            let first = Self.draw(&generator)
            let second = Self.draw(&generator)
            func change(_ estimate: KeyPath<Year, RatioEstimate>, proportion: Bool) throws -> YearOverYear.Change {
                let earlier = first[keyPath: estimate]
                let later = second[keyPath: estimate]
                return YearOverYear.change(
                    from: .init(
                        year: 2021, value: try #require(earlier.value), estimate: earlier, proportion: proportion),
                    to: .init(year: 2024, value: try #require(later.value), estimate: later, proportion: proportion))
            }
            let mean = try change(\.mean, proportion: false)
            if try #require(mean.interval).contains(0) { meanCovers += 1 }
            verdicts[try #require(mean.verdict), default: 0] += 1
            if try #require(try change(\.share, proportion: true).interval).contains(0) { shareCovers += 1 }
        }
        #expect((930...970).contains(meanCovers), "mean: \(meanCovers) of 1000")
        #expect((930...970).contains(shareCovers), "share at Ⅲ+: \(shareCovers) of 1000")
        // The verdict says the same: "no significant change" exactly when the interval holds 0.
        #expect(verdicts[.noSignificantChange] == meanCovers)
    }
}
