import Foundation
import HTMLProbe
import JunhengCore
import SampleReport
import Testing

@testable import JunhengReports

@Suite struct SVGChartRendererTests {
    static func point(_ label: String, _ value: Double, fails: Bool = false) -> ReportChart.Point {
        ReportChart.Point(label: LocalizedText(verbatim: label), value: value, fails: fails)
    }

    static func barChart(_ points: [ReportChart.Point], references: [ReportChart.Reference] = []) -> ReportChart {
        ReportChart(
            id: "c", title: LocalizedText(verbatim: "C"), kind: .bars,
            series: [ReportChart.Series(name: LocalizedText(verbatim: "s"), points: points)], references: references,
            format: .percent(1))
    }

    /// The `<rect class="bar…">` attributes, in order.
    static func bars(_ svg: String) -> [[String: String]] {
        HTMLProbe.tags("rect", in: svg[...]).filter { ($0["class"] ?? "").hasPrefix("bar") }
    }

    // MARK: - Bars

    @Test func township_chart_draws_every_bar_in_the_given_order_with_whiskers_and_the_85_line() {
        let chart = SampleDocument.recognition.charts[0]
        let svg = SVGChartRenderer().render(chart)
        let labels = HTMLProbe.tags("g", in: svg[...]).filter { $0["class"] == "point" }.compactMap { $0["data-label"] }
        #expect(labels == chart.series[0].points.map(\.label.zh))
        #expect(labels.first == "城关镇")  // 412/448 = 0.920, the highest
        #expect(labels.last == "篱笆镇")  // 84/101 = 0.832, the lowest
        #expect(HTMLProbe.count("<g class=\"whisker\">", in: svg) == 10)
        // 许疃镇 101/119 = 0.849 and 篱笆镇 0.832 are below 0.85.
        #expect(HTMLProbe.count("class=\"bar fail\"", in: svg) == 2)
        #expect(HTMLProbe.count("<g class=\"ref\" data-value=\"0.85\">", in: svg) == 1)
        #expect(svg.contains(">达标线 85.0%</text>"))
        #expect(svg.contains(">92.0%</text>"))  // 412/448 = 0.91964 → 92.0%
        #expect(svg.contains("stroke-dasharray=\"5 4\""))
    }

    @Test func bar_length_is_proportional_to_the_value() throws {
        // Values 0.5 and 1.0 on a 0–100 % axis: the second bar is twice as long.
        let svg = SVGChartRenderer().render(Self.barChart([Self.point("a", 0.5), Self.point("b", 1.0)]))
        let widths = Self.bars(svg).compactMap { $0["width"].flatMap(Double.init) }
        #expect(widths.count == 2)
        #expect(abs(widths[1] - 2 * widths[0]) <= 0.2)  // each width is rounded to 0.1
        // Both start at the zero line.
        #expect(Self.bars(svg).map { $0["x"] } == ["48.0", "48.0"])
    }

    @Test func label_gutter_grows_with_chinese_labels() {
        // "ab": 2 × 0.55 em × 13 = 14.3 + 14 = 28.3, below the 48 minimum → bars start at 48.0.
        let narrow = SVGChartRenderer().render(Self.barChart([Self.point("ab", 0.5)]))
        #expect(Self.bars(narrow).first?["x"] == "48.0")
        // "学校学校学校": 6 × 1 em × 13 = 78 + 14 = 92 → bars start at 92.0.
        let wide = SVGChartRenderer().render(Self.barChart([Self.point("学校学校学校", 0.5)]))
        #expect(Self.bars(wide).first?["x"] == "92.0")
    }

    @Test func very_long_labels_are_shortened_and_kept_whole_in_the_tooltip() {
        let long = String(repeating: "很", count: 80)
        let svg = SVGChartRenderer().render(Self.barChart([Self.point(long, 0.5)]))
        #expect(svg.contains("…</text>"))
        #expect(svg.contains("<title>" + long + ": 50.0%</title>"))
    }

    @Test func several_series_are_drawn_as_headed_groups() {
        let chart = SampleDocument.resources.charts[2]
        let svg = SVGChartRenderer().render(chart)
        #expect(HTMLProbe.count("class=\"group\"", in: svg) == 2)
        #expect(svg.contains(">小学（标准 4.5）</text>"))
        #expect(svg.contains(">初中（标准 5.8）</text>"))
        // Primary below 4.5: 楚村 4.38, 篱笆 4.31, 许疃 4.12; junior below 5.8: 小涧 5.61, 篱笆 5.44, 许疃 5.12.
        #expect(HTMLProbe.count("class=\"bar fail\"", in: svg) == 6)
        #expect(HTMLProbe.count("<g class=\"ref\"", in: svg) == 2)
    }

    @Test func coordinates_have_one_fixed_decimal() {
        for chart in SampleDocument.make().sections.flatMap(\.charts) {
            let svg = SVGChartRenderer().render(chart)
            let coordinates = svg.matches(of: #/ (x|y|x1|x2|y1|y2|cx|cy|width|height|r)="([^"]*)"/#)
            #expect(!coordinates.isEmpty)
            for match in coordinates {
                #expect(match.2.wholeMatch(of: #/-?[0-9]+\.[0-9]/#) != nil, "\(chart.id): \(match.0)")
            }
        }
    }

    @Test func negative_values_grow_left_of_zero() throws {
        let svg = SVGChartRenderer().render(Self.barChart([Self.point("a", -0.5), Self.point("b", 0.5)]))
        let bars = Self.bars(svg)
        let negative = try #require(bars.first)
        let positive = try #require(bars.last)
        // The negative bar ends where the positive one starts: at zero.
        let end = try #require(Double(negative["x"] ?? "")).advanced(by: Double(negative["width"] ?? "") ?? 0)
        #expect(abs(end - (Double(positive["x"] ?? "") ?? 0)) <= 0.1)
    }

    @Test func an_empty_chart_says_so() {
        let chart = ReportChart(id: "e", title: LocalizedText(verbatim: "E"), kind: .bars, series: [])
        #expect(SVGChartRenderer().render(chart).contains(">无数据</text>"))
        #expect(SVGChartRenderer(language: .en).render(chart).contains(">no data</text>"))
    }

    // MARK: - Lines

    @Test func monitoring_chart_draws_one_line_per_subject_across_the_years() {
        let chart = SampleDocument.quality.charts[0]
        let svg = SVGChartRenderer().render(chart)
        #expect(HTMLProbe.count("<path ", in: svg) == 3)
        #expect(HTMLProbe.count("<circle ", in: svg) == 9 + 3)  // 9 points + 3 legend markers
        let categories = svg.matches(of: #/class="category"[^>]*>([^<]*)</#).map { String($0.1) }
        #expect(categories == ["2018", "2021", "2024"])
        for name in ["四年级数学", "八年级数学", "四年级体育与健康"] { #expect(svg.contains(">\(name)</text>")) }
        #expect(svg.contains(">515.3</text>"))
    }

    @Test func the_between_school_chart_marks_values_at_or_above_015() {
        let svg = SVGChartRenderer().render(SampleDocument.quality.charts[2])
        // 0.182, 0.161, 0.214, 0.176, 0.157 are ≥ 0.15; 0.128 and the PE values are not.
        #expect(HTMLProbe.count("data-fails=\"true\"", in: svg) == 5)
        #expect(svg.contains(">标准 0.150</text>"))
    }

    @Test func categories_merge_in_order_and_a_missing_year_breaks_the_line() {
        let a = ReportChart.Series(
            name: LocalizedText(verbatim: "a"), points: [Self.point("2018", 1), Self.point("2024", 3)])
        let b = ReportChart.Series(
            name: LocalizedText(verbatim: "b"),
            points: [Self.point("2018", 1), Self.point("2021", 2), Self.point("2024", 3)])
        let c = ReportChart.Series(
            name: LocalizedText(verbatim: "c"), points: [Self.point("2015", 1), Self.point("2018", 2)])
        #expect(SVGChartRenderer.categories([a, b, c], language: .zh) == ["2015", "2018", "2021", "2024"])
        // c then a then b: categories 2015, 2018, then 2024 (a), then 2021 slots in after 2018 (b).
        let chart = ReportChart(id: "l", title: LocalizedText(verbatim: "L"), kind: .lines, series: [c, a, b])
        let svg = SVGChartRenderer().render(chart)
        let paths = svg.matches(of: #/<path d="([^"]*)"/#).map { String($0.1) }
        #expect(paths.count == 2)
        #expect(paths[0].filter { $0 == "M" }.count == 1)  // c: 2015 → 2018
        #expect(paths[0].filter { $0 == "L" }.count == 1)
        // a: 2018 and 2024 with no 2021 between: nothing joins them, so no line, only its two markers.
        #expect(HTMLProbe.count("data-series=\"1\" data-label=", in: svg) == 2)
        #expect(paths[1].filter { $0 == "L" }.count == 2)
    }

    @Test func reference_labels_show_the_value_unless_they_already_do() {
        let renderer = SVGChartRenderer()
        let format = ReportNumberFormat.percent(0)
        #expect(
            renderer.referenceLabel(.init(label: LocalizedText(verbatim: "达标线"), value: 0.85), format: format)
                == "达标线 85%")
        #expect(
            renderer.referenceLabel(.init(label: LocalizedText(verbatim: "85 % 达标线"), value: 0.85), format: format)
                == "85 % 达标线")
    }

    @Test func renders_the_same_bytes_twice() {
        for chart in SampleDocument.make().sections.flatMap(\.charts) {
            #expect(SVGChartRenderer().render(chart) == SVGChartRenderer().render(chart))
        }
    }
}

extension SVGChartRendererTests {
    /// The circle's cy and the value label's y of the point with this value.
    static func labelAndPoint(_ svg: String, value: String) throws -> (label: Double, point: Double) {
        let group = try #require(HTMLProbe.element(svg, marker: "data-value=\"\(value)\"", end: "</g>"))
        let circle = try #require(HTMLProbe.tags("circle", in: group).first)
        let text = try #require(HTMLProbe.tags("text", in: group).first)
        return (try #require(text["y"].flatMap(Double.init)), try #require(circle["cy"].flatMap(Double.init)))
    }

    @Test func close_points_put_the_lower_label_below_its_point() throws {
        let svg = SVGChartRenderer().render(SampleDocument.quality.charts[0])
        // 2024: 520.2 and 515.3 lie 4.9 points apart on a 480–530 axis of 200 units: 19.6 units, too close
        // for two labels above; the lower one, 515.3, goes below.
        let high = try Self.labelAndPoint(svg, value: "520.2")
        let low = try Self.labelAndPoint(svg, value: "515.3")
        #expect(high.label < high.point)
        #expect(low.label > low.point)
        // 2018: 511.0 and 498.2 are 51.2 units apart: both above.
        let apart = try Self.labelAndPoint(svg, value: "498.2")
        #expect(apart.label < apart.point)
    }
}

extension SVGChartRendererTests {
    @Test(arguments: [ReportChart.Kind.bars, .lines])
    func values_that_are_not_numbers_draw_nothing_and_break_nothing(kind: ReportChart.Kind) {
        let points = [Self.point("2018", 0.5), Self.point("2021", .nan), Self.point("2024", .infinity)]
        let chart = ReportChart(
            id: "n", title: LocalizedText(verbatim: "N"), kind: kind,
            series: [ReportChart.Series(name: LocalizedText(verbatim: "s"), points: points)])
        let svg = SVGChartRenderer().render(chart)
        // The model value is still there for tests; no coordinate is "nan".
        #expect(svg.contains("data-value=\"NaN\""))
        let coordinates = svg.matches(of: #/ (x|y|x1|x2|y1|y2|cx|cy|width|height|r)="([^"]*)"/#)
        for match in coordinates { #expect(match.2.wholeMatch(of: #/-?[0-9]+\.[0-9]/#) != nil, "\(match.0)") }
    }

    @Test func a_single_point_line_chart() {
        let chart = ReportChart(
            id: "one", title: LocalizedText(verbatim: "One"), kind: .lines,
            series: [ReportChart.Series(name: LocalizedText(verbatim: "s"), points: [Self.point("2024", 512.5)])])
        let svg = SVGChartRenderer().render(chart)
        #expect(!svg.contains("<path "))  // one point: a marker, no line
        #expect(HTMLProbe.count("<circle ", in: svg) == 2)  // the point and its legend marker
        #expect(svg.contains(">512.50</text>"))
    }
}

extension SVGChartRendererTests {
    @Test func a_reference_label_that_shows_the_value_at_a_shorter_precision_is_not_repeated() {
        let renderer = SVGChartRenderer()
        // 0.85 in percent(1) is "85.0%"; the label's "85%" is the same number.
        #expect(
            renderer.referenceLabel(.init(label: LocalizedText(verbatim: "85%达标线"), value: 0.85), format: .percent(1))
                == "85%达标线")
        // 0.5 in decimal(3) is "0.500"; "上限" shows no number, so the value is added.
        #expect(
            renderer.referenceLabel(.init(label: LocalizedText(verbatim: "上限"), value: 0.5), format: .decimal(3))
                == "上限 0.500")
        // 0.05 is "5%", which is inside "85%" but is not that number.
        #expect(
            renderer.referenceLabel(.init(label: LocalizedText(verbatim: "85%线"), value: 0.05), format: .percent(0))
                == "85%线 5%")
    }

    @Test func trailing_zeros_of_a_fraction_are_dropped() {
        #expect(SVGChartRenderer.trimmingFractionZeros("85.0%") == "85%")
        #expect(SVGChartRenderer.trimmingFractionZeros("0.50") == "0.5")
        #expect(SVGChartRenderer.trimmingFractionZeros("2500.00") == "2500")
        #expect(SVGChartRenderer.trimmingFractionZeros("0.105") == "0.105")
        #expect(SVGChartRenderer.trimmingFractionZeros("12") == "12")
        #expect(SVGChartRenderer.trimmingFractionZeros("-1.20 m²") == "-1.2 m²")
    }

    @Test func a_label_below_a_point_at_the_axis_goes_beside_it() throws {
        // One category, three series: 0.6 at the top, 0.01 and 0 at the bottom of a 0–0.6 axis. 0.01 and 0
        // lie 0.01 / 0.6 × 200 ≈ 3.3 units apart, too close for two labels above, so 0's label would go below
        // its point, onto the year under the axis: it goes to the right of the point instead.
        let series = [(0.6, "a"), (0.01, "b"), (0.0, "c")].map { value, name in
            ReportChart.Series(name: LocalizedText(verbatim: name), points: [Self.point("2024", value)])
        }
        let chart = ReportChart(
            id: "l", title: LocalizedText(verbatim: "L"), kind: .lines, series: series, format: .decimal(2))
        let svg = SVGChartRenderer().render(chart)
        let group = try #require(HTMLProbe.element(svg, marker: "data-value=\"0\"", end: "</g>"))
        let circle = try #require(HTMLProbe.tags("circle", in: group).first)
        let text = try #require(HTMLProbe.tags("text", in: group).first)
        let cx = try #require(circle["cx"].flatMap(Double.init))
        let cy = try #require(circle["cy"].flatMap(Double.init))
        #expect(text["text-anchor"] == nil)  // start, the SVG default, is left out
        #expect(try #require(text["x"].flatMap(Double.init)) == cx + 7)
        // Baseline 0.35 × 11 = 3.85 below the centre, so the text sits level with the point.
        #expect(abs(try #require(text["y"].flatMap(Double.init)) - (cy + 3.85)) < 0.051)
        // 0.01 keeps its label above, centred.
        let above = try Self.labelAndPoint(svg, value: "0.01")
        #expect(above.label < above.point)
    }

    /// Two series with intervals at one year are moved aside (3 units each way of the category's centre), so
    /// their whiskers do not hide each other; one series with intervals stays on the centre.
    @Test func series_with_intervals_are_dodged() throws {
        func chart(_ names: [String]) -> ReportChart {
            let series = names.enumerated().map { index, name in
                ReportChart.Series(
                    name: LocalizedText(verbatim: name),
                    points: [
                        ReportChart.Point(
                            label: LocalizedText(verbatim: "2024"), value: 500 + Double(index) * 40,
                            interval: (480 + Double(index) * 40)...(520 + Double(index) * 40))
                    ])
            }
            return ReportChart(id: "d", title: LocalizedText(verbatim: "D"), kind: .lines, series: series)
        }
        func centres(_ svg: String) -> [Double] {
            HTMLProbe.tags("circle", in: svg[...]).compactMap { $0["cx"].flatMap(Double.init) }
        }
        let one = centres(SVGChartRenderer().render(chart(["a"])))
        let two = centres(SVGChartRenderer().render(chart(["a", "b"])))
        // The points come first, the legend's markers after them.
        #expect(abs(two[1] - two[0] - 6) < 1e-9)
        #expect(abs((two[0] + two[1]) / 2 - one[0]) < 1e-9)
        #expect(HTMLProbe.count("class=\"whisker\"", in: SVGChartRenderer().render(chart(["a", "b"]))) == 2)
    }

    @Test func reference_lines_are_drawn_under_the_bars() throws {
        let chart = Self.barChart(
            [Self.point("a", 0.9)], references: [.init(label: LocalizedText(verbatim: "达标线"), value: 0.85)])
        let svg = SVGChartRenderer().render(chart)
        let references = try #require(svg.range(of: "<g class=\"references\">"))
        let firstPoint = try #require(svg.range(of: "<g class=\"point\""))
        #expect(references.lowerBound < firstPoint.lowerBound)
    }
}

extension SVGChartRendererTests {
    @Test func a_line_chart_labels_its_references_right_of_the_plot() throws {
        let points = ["2018", "2021", "2024"].map { Self.point($0, 0.1) }
        let chart = ReportChart(
            id: "r", title: LocalizedText(verbatim: "R"), kind: .lines,
            series: [ReportChart.Series(name: LocalizedText(verbatim: "s"), points: points)],
            references: [.init(label: LocalizedText(verbatim: "校际差异率"), value: 0.15)], format: .decimal(2))
        let svg = SVGChartRenderer().render(chart)
        let reference = try #require(HTMLProbe.element(svg, marker: "<g class=\"ref\"", end: "</g>"))
        let line = try #require(HTMLProbe.tags("line", in: reference).first)
        let label = try #require(HTMLProbe.tags("text", in: reference).first)
        // "校际差异率 0.15": 5 × 1 + 5 × 0.55 = 7.75 em × 11 = 85.25, + 10 = 95.25 of room: the plot ends at
        // 960 − 95.25 = 864.75 and the label starts 4 after it, ending at 868.75 + 85.25 = 954 < 960.
        #expect(line["x2"] == "864.8")
        #expect(label["x"] == "868.8")
        #expect(label["text-anchor"] == nil)
        // Every point lies left of the label.
        for circle in HTMLProbe.tags("circle", in: svg[...]) {
            #expect(try #require(circle["cx"].flatMap(Double.init)) < 864.75)
        }
    }
}
