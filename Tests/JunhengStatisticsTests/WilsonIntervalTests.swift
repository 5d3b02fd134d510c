import Testing

@testable import JunhengStatistics

@Suite struct WilsonIntervalTests {
    @Test func noTrialsHasNoInterval() {
        let wilson = WilsonInterval(successes: 0, trials: 0)
        #expect(wilson.proportion == nil)
        #expect(wilson.interval == nil)
    }

    /// 8 of 10, z = 1.96: z² = 3.8416, z²/n = 0.38416, denominator = 1.38416;
    /// centre = (0.8 + 0.19208) / 1.38416 = 0.716737;
    /// half = 1.96 / 1.38416 · sqrt(0.016 + 0.009604) = 1.416022 · 0.160012 = 0.226581;
    /// CI = [0.490156, 0.943318] (the textbook Wilson interval for 8/10).
    @Test func eightOfTen() throws {
        let interval = try #require(WilsonInterval(successes: 8, trials: 10).interval)
        #expect(abs(interval.lowerBound - 0.490156) < 1e-5)
        #expect(abs(interval.upperBound - 0.943318) < 1e-5)
    }

    /// 10 of 10: p̂ = 1, centre = (1 + 0.19208)/1.38416 = 0.861230, half = 1.416021 · sqrt(0.009604)
    /// = 1.416021 · 0.098 = 0.138770; upper = 1.000000 → clipped to 1, lower = 0.722460.
    @Test func allPositiveDoesNotCollapse() throws {
        let interval = try #require(WilsonInterval(successes: 10, trials: 10).interval)
        #expect(abs(interval.lowerBound - 0.722460) < 1e-5)
        #expect(interval.upperBound == 1)
    }

    /// 0 of 1: centre = (0 + 1.9208)/4.8416 = 0.396728, half = 1.96/4.8416 · sqrt(0.9604) = 0.396728;
    /// CI = [0, 0.793457].
    @Test func oneTrialNoSuccess() throws {
        let interval = try #require(WilsonInterval(successes: 0, trials: 1).interval)
        #expect(abs(interval.lowerBound) < 1e-9)
        #expect(abs(interval.upperBound - 0.793457) < 1e-5)
    }
}

extension WilsonIntervalTests {
    /// A non-whole sample size (an effective one): p̂ = 0.5 on n = 2.5. z²/n = 1.53664, denominator 2.53664;
    /// centre = (0.5 + 0.76832) / 2.53664 = 0.5; half = 1.96 / 2.53664 · √(0.1 + 3.8416/25) = 0.772676 · 0.503647
    /// = 0.389156; CI = [0.110844, 0.889156].
    @Test func aProportionOnAnEffectiveSampleSize() {
        let interval = WilsonInterval.interval(proportion: 0.5, size: 2.5)
        #expect(abs(interval.lowerBound - 0.110844) < 1e-5)
        #expect(abs(interval.upperBound - 0.889156) < 1e-5)
    }

    /// The instance interval is the static one on whole numbers, to the last bit.
    @Test func instanceAndStaticAgree() throws {
        #expect(
            try #require(WilsonInterval(successes: 8, trials: 10).interval)
                == WilsonInterval.interval(proportion: 0.8, size: 10))
    }
}
