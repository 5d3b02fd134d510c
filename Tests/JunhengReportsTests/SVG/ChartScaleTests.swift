import Testing

@testable import JunhengReports

@Suite struct ChartScaleTests {
    @Test func nice_steps_are_1_2_or_5_times_a_power_of_ten() {
        #expect(ChartScale.niceStep(1) == 1)
        #expect(ChartScale.niceStep(3) == 5)
        #expect(ChartScale.niceStep(7.675) == 10)
        #expect(abs(ChartScale.niceStep(0.18392) - 0.2) < 1e-12)
        #expect(abs(ChartScale.niceStep(0.3) - 0.5) < 1e-12)
        #expect(ChartScale.niceStep(0) == 1)
    }

    @Test func satisfaction_rates_get_a_0_to_100_percent_axis() {
        // Highest 0.9196, zero included: step ≥ 0.9196 / 5 = 0.184 → 0.2; upper ⌈0.9196 / 0.2⌉ · 0.2 = 1.0.
        let scale = ChartScale(covering: [0.832, 0.9196, 0.85], tickCount: 5, includeZero: true, from: 100, to: 500)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        // 0.85 of the way from 100 to 500: 100 + 0.85 · 400 = 440.
        #expect(abs(scale.position(0.85) - 440) < 1e-9)
        #expect(scale.position(-1) == 100)
        #expect(scale.position(2) == 500)
    }

    @Test func mean_scores_get_an_axis_around_the_data() {
        // 489.5 … 520.2 over 4 steps: (520.2 − 489.5) / 4 = 7.675 → 10; 480 … 530.
        let scale = ChartScale(covering: [489.5, 520.2], tickCount: 4, includeZero: false, from: 0, to: 1)
        #expect(scale.ticks == [480, 490, 500, 510, 520, 530])
    }

    @Test func a_single_value_gets_a_band_around_it() {
        // 5 ± 10 % = 4.5 … 5.5; step 1 / 4 = 0.25 → 0.5.
        let scale = ChartScale(covering: [5], tickCount: 4, includeZero: false, from: 0, to: 1)
        #expect(scale.ticks == [4.5, 5, 5.5])
    }

    @Test func tick_decimals_follow_the_step() {
        #expect(ChartScale.decimals(for: 10) == 0)
        #expect(ChartScale.decimals(for: 1) == 0)
        #expect(ChartScale.decimals(for: 0.2) == 1)
        #expect(ChartScale.decimals(for: 0.05) == 2)
    }
}

/// Values at the edge of what a Double holds draw a chart, never a trap (issue 10).
@Test func extremeValuesDoNotTrap() {
    let scale = ChartScale(covering: [-1e308, 1e308], tickCount: 5, includeZero: true, from: 0, to: 100)
    #expect(!scale.ticks.isEmpty)
    #expect(scale.position(.nan) == 0)
}
