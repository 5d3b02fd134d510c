import Foundation
public import JunhengCore
public import JunhengReports

// Over 400 lines: one made-up county report, all four areas written out as data; splitting it by area
// would scatter one fixture across files that are always read together.

/// A realistic county report in the neutral model, with all four areas (资源配置, 政府保障程度, 教育质量,
/// 社会认可度), for renderer tests and for the lead's `junheng report` tests. Made-up county, schools
/// and numbers; the thresholds and responsible units are the seed's (附件2) and DOMAIN.md's.
///
/// What it exercises: passing, failing and unknown bars; failing bars with 责任单位; charts of both
/// kinds, with intervals, references and failing points, one series and several; tables with every
/// number format, failing cells, empty cells, verdict cells and notes.
public enum SampleDocument {
    public static func make() -> ReportDocument {
        ReportDocument(
            title: LocalizedText(
                zh: "示例县义务教育优质均衡发展评估报告（2024 年）", en: "Sample County: balanced compulsory education, 2024"),
            subtitle: [
                LocalizedText(
                    zh: "数据：schools.csv、monitoring.csv、public-survey.csv",
                    en: "Data: schools.csv, monitoring.csv, public-survey.csv"),
                LocalizedText(zh: "示例数据，非真实县份。", en: "Made-up data, not a real county."),
            ],
            sections: [resources, guarantee, quality, recognition])
    }

    // MARK: - Helpers

    public static func zh(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

    /// The 95 % Wilson interval of a proportion p̂ from n answers (z = 1.96), as the questionnaire area
    /// computes it (DOMAIN.md §4): (p̂ + z²/2n ± z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
    public static func wilson(_ positive: Int, _ n: Int) -> ClosedRange<Double> {
        let z = 1.96
        let p = Double(positive) / Double(n)
        let nn = Double(n)
        let centre = p + z * z / (2 * nn)
        let margin = z * ((p * (1 - p) / nn + z * z / (4 * nn * nn))).squareRoot()
        let denominator = 1 + z * z / nn
        return ((centre - margin) / denominator)...((centre + margin) / denominator)
    }

    public static let a1 = zh("资源配置", "Resource allocation")
    public static let a2 = zh("政府保障程度", "Government guarantee")
    public static let a3 = zh("教育质量", "Education quality")
    public static let a4 = zh("社会认可度", "Social recognition")

    // MARK: - A1 资源配置

    /// The seven indicators: name, primary and junior standard, primary and junior CV.
    public static let indicators: [(name: LocalizedText, primaryCV: Double, juniorCV: Double, units: [String])] = [
        (
            zh("每百名学生拥有高于规定学历教师数", "Teachers above the required degree per 100 students"), 0.287, 0.214,
            ["县教育局", "县人力资源社会保障局", "县委编办"]
        ),
        (zh("每百名学生拥有县级以上骨干教师数", "County-level backbone teachers per 100 students"), 0.412, 0.356, ["县教育局"]),
        (
            zh("每百名学生拥有体育、艺术专任教师数", "PE and arts teachers per 100 students"), 0.468, 0.391,
            ["县教育局", "县人力资源社会保障局", "县委编办"]
        ),
        (
            zh("生均教学及辅助用房面积", "Teaching and auxiliary floor area per student"), 0.331, 0.297,
            ["县发展改革委", "县财政局", "各乡镇(街道)", "县教育局", "县自然资源和规划局"]
        ),
        (
            zh("生均体育运动场馆面积", "Sports ground area per student"), 0.486, 0.402,
            ["县发展改革委", "县财政局", "各乡镇(街道)", "县教育局", "县自然资源和规划局"]
        ),
        (
            zh("生均教学仪器设备值", "Teaching equipment value per student"), 0.379, 0.4731,
            ["县教育局", "县财政局", "县发展改革委"]
        ),
        (
            zh("每百名学生拥有网络多媒体教室数", "Networked multimedia classrooms per 100 students"), 0.254, 0.233,
            ["县教育局", "县财政局", "县发展改革委"]
        ),
    ]

    public static var resources: ReportSection {
        var bars: [BarCheck] = []
        for (stage, limit, pick) in [
            (
                zh("小学", "Primary"), 0.50,
                { (i: (name: LocalizedText, primaryCV: Double, juniorCV: Double, units: [String])) in i.primaryCV }
            ),
            (
                zh("初中", "Junior"), 0.45,
                { (i: (name: LocalizedText, primaryCV: Double, juniorCV: Double, units: [String])) in i.juniorCV }
            ),
        ] {
            for indicator in indicators {
                let cv = pick(indicator)
                bars.append(
                    BarCheck(
                        area: a1,
                        name: zh(
                            "\(stage.zh)差异系数：\(indicator.name.zh)", "\(stage.en) CV: \(indicator.name.en)"),
                        figure: NumberText.format(cv, .decimal(2)),
                        threshold: "≤ " + NumberText.format(limit, .decimal(2)),
                        passes: cv <= limit, responsibleUnits: indicator.units.map(LocalizedText.name), value: cv))
            }
        }
        bars.append(
            BarCheck(
                area: a1, name: zh("小学学校达标（至少 6 项达标，余项 ≥ 85%）", "Primary schools meet 6 of 7, the rest ≥ 85 %"),
                figure: "12/12", threshold: "12/12", passes: true, value: 12))
        bars.append(
            BarCheck(
                area: a1, name: zh("初中学校达标（至少 6 项达标，余项 ≥ 85%）", "Junior schools meet 6 of 7, the rest ≥ 85 %"),
                figure: "7/8", threshold: "8/8", passes: false,
                responsibleUnits: ["县教育局", "县财政局", "县发展改革委"].map(LocalizedText.name), value: 7))

        func cvChart(_ id: String, _ stage: LocalizedText, _ limit: Double, _ pick: (Double, Double) -> Double)
            -> ReportChart
        {
            ReportChart(
                id: id, title: zh("\(stage.zh)各项指标差异系数", "CV of each indicator, \(stage.en)"), kind: .bars,
                series: [
                    ReportChart.Series(
                        name: stage,
                        points: indicators.map {
                            let cv = pick($0.primaryCV, $0.juniorCV)
                            return ReportChart.Point(label: $0.name, value: cv, fails: cv > limit)
                        })
                ],
                references: [ReportChart.Reference(label: zh("标准", "standard"), value: limit)], format: .decimal(3))
        }

        // Schools' 生均教学及辅助用房面积 against the standard (4.5 m² primary, 5.8 m² junior), sorted.
        let primaryAreas: [(String, Double)] = [
            ("城关第一小学", 5.62), ("城关第二小学", 5.21), ("双涧镇中心小学", 4.97), ("庄周小学", 4.88),
            ("立仓镇中心小学", 4.71), ("坛城镇中心小学", 4.66), ("小涧镇中心小学", 4.59), ("板桥集小学", 4.52),
            ("岳坊镇中心小学", 4.50), ("楚村镇中心小学", 4.38), ("篱笆镇中心小学", 4.31), ("许疃镇中心小学", 4.12),
        ]
        let juniorAreas: [(String, Double)] = [
            ("城关中学", 6.84), ("第六中学", 6.41), ("双涧中学", 6.12), ("立仓中学", 5.97), ("坛城中学", 5.83),
            ("小涧中学", 5.61), ("篱笆中学", 5.44), ("许疃中学", 5.12),
        ]
        let schoolChart = ReportChart(
            id: "school-teaching-area",
            title: zh("各校生均教学及辅助用房面积（平方米）", "Teaching floor area per student by school (m²)"),
            kind: .bars,
            series: [
                ReportChart.Series(
                    name: zh("小学（标准 4.5）", "Primary (standard 4.5)"),
                    points: primaryAreas.map {
                        ReportChart.Point(label: LocalizedText(verbatim: $0.0), value: $0.1, fails: $0.1 < 4.5)
                    }),
                ReportChart.Series(
                    name: zh("初中（标准 5.8）", "Junior (standard 5.8)"),
                    points: juniorAreas.map {
                        ReportChart.Point(label: LocalizedText(verbatim: $0.0), value: $0.1, fails: $0.1 < 5.8)
                    }),
            ],
            references: [
                ReportChart.Reference(label: zh("小学标准", "primary standard"), value: 4.5),
                ReportChart.Reference(label: zh("初中标准", "junior standard"), value: 5.8),
            ], format: .decimal(2))

        let cvTable = ReportTable(
            id: "resource-cv", title: zh("资源配置指标差异系数", "Resource indicators: coefficient of variation"),
            columns: [
                ReportColumn(key: "indicator", label: zh("指标", "Indicator")),
                ReportColumn(key: "stage", label: zh("学段", "Stage")),
                ReportColumn(key: "cv", label: zh("差异系数", "CV"), format: .decimal(3)),
                ReportColumn(key: "threshold", label: zh("标准", "Threshold"), format: .decimal(2)),
                ReportColumn(key: "verdict", label: zh("结论", "Result")),
            ],
            rows: indicators.flatMap { indicator in
                [
                    [
                        .label(indicator.name), .label(zh("小学", "primary")),
                        .number(indicator.primaryCV, fails: indicator.primaryCV > 0.50), .number(0.50),
                        .verdict(indicator.primaryCV <= 0.50),
                    ],
                    [
                        .label(indicator.name), .label(zh("初中", "junior")),
                        .number(indicator.juniorCV, fails: indicator.juniorCV > 0.45), .number(0.45),
                        .verdict(indicator.juniorCV <= 0.45),
                    ],
                ]
            },
            notes: [
                zh(
                    "差异系数按学生数加权计算：CV = S / X̄，S = sqrt(Σ (P_i/P)(X_i − X̄)²)。",
                    "Student-weighted CV: CV = S / X̄, S = sqrt(Σ (P_i/P)(X_i − X̄)²).")
            ])

        let schoolTable = ReportTable(
            id: "school-indicators-junior", title: zh("初中各校资源配置指标", "Junior schools: resource indicators"),
            columns: [
                ReportColumn(key: "school", label: zh("学校", "School")),
                ReportColumn(key: "students", label: zh("学生数", "Students"), format: .integer),
                ReportColumn(
                    key: "teaching_area", label: zh("生均教学及辅助用房面积", "Teaching area per student"), format: .decimal(2)),
                ReportColumn(
                    key: "equipment", label: zh("生均教学仪器设备值（元）", "Equipment per student (yuan)"), format: .decimal(0)),
                ReportColumn(key: "met", label: zh("达标项数", "Indicators met"), format: .integer),
                ReportColumn(key: "verdict", label: zh("学校达标", "School meets")),
            ],
            rows: [
                [
                    .text("城关中学"), .integer(1856), .number(6.84, fails: false), .number(3120.5, fails: false),
                    .integer(7), .verdict(true),
                ],
                [
                    .text("第六中学"), .integer(1422), .number(6.41, fails: false), .number(2894.25, fails: false),
                    .integer(7), .verdict(true),
                ],
                [
                    .text("坛城中学"), .integer(968), .number(5.83, fails: false), .number(2210.0, fails: true),
                    .integer(6), .verdict(true),
                ],
                [
                    .text("许疃中学"), .integer(733), .number(5.12, fails: true), .number(2016.8, fails: true), .integer(5),
                    .verdict(false),
                ],
                [.text("篱笆中学"), .integer(612), .number(5.44, fails: true), .number(nil), .integer(6), .verdict(false)],
            ],
            notes: [zh("篱笆中学未报仪器设备值。", "篱笆中学 did not report its equipment value.")])

        return ReportSection(
            id: "resources", title: zh("一、资源配置", "1. Resource allocation"), bars: bars,
            charts: [
                cvChart("cv-primary", zh("小学", "primary"), 0.50) { primary, _ in primary },
                cvChart("cv-junior", zh("初中", "junior"), 0.45) { _, junior in junior },
                schoolChart,
            ],
            tables: [cvTable, schoolTable])
    }

    // MARK: - A2 政府保障程度

    public static var guarantee: ReportSection {
        let bars = [
            BarCheck(
                area: a2, name: zh("学校规模（小学、初中 ≤ 2000 人）", "School size (≤ 2000 students)"), figure: "1856",
                threshold: "≤ 2000", passes: true, value: 1856),
            BarCheck(
                area: a2, name: zh("小学班额（≤ 45 人）", "Primary class size (≤ 45)"), figure: "45", threshold: "≤ 45",
                passes: true, value: 45),
            BarCheck(
                area: a2, name: zh("初中班额（≤ 50 人）", "Junior class size (≤ 50)"), figure: "56", threshold: "≤ 50",
                passes: false,
                responsibleUnits: ["县教育局", "县自然资源和规划局", "县发展改革委", "县财政局", "各乡镇(街道)"].map(LocalizedText.name), value: 56),
            BarCheck(
                area: a2, name: zh("教师交流轮岗比例", "Teacher rotation share"), figure: "11.8%", threshold: "≥ 10%",
                passes: true, value: 0.118),
            BarCheck(
                area: a2, name: zh("交流轮岗中骨干教师比例", "Backbone teachers among rotated"), figure: "23.5%",
                threshold: "≥ 20%", passes: true, value: 0.235),
            BarCheck(
                area: a2, name: zh("专任教师持证上岗率", "Teachers certified"), figure: "100.0%", threshold: "100%",
                passes: true, value: 1),
        ]
        let table = ReportTable(
            id: "class-size", title: zh("各校规模与最大班额", "School size and largest class"),
            columns: [
                ReportColumn(key: "school", label: zh("学校", "School")),
                ReportColumn(key: "stage", label: zh("学段", "Stage")),
                ReportColumn(key: "students", label: zh("学生数", "Students"), format: .integer),
                ReportColumn(key: "classes", label: zh("班级数", "Classes"), format: .integer),
                ReportColumn(key: "largest_class", label: zh("最大班额", "Largest class"), format: .integer),
            ],
            rows: [
                [
                    .text("城关第一小学"), .label(zh("小学", "primary")), .integer(1788), .integer(40),
                    ReportCell.number(45, fails: false),
                ],
                [
                    .text("城关中学"), .label(zh("初中", "junior")), .integer(1856), .integer(36),
                    ReportCell.number(56, fails: true),
                ],
                [
                    .text("第六中学"), .label(zh("初中", "junior")), .integer(1422), .integer(30),
                    ReportCell.number(50, fails: false),
                ],
            ])
        return ReportSection(
            id: "guarantee", title: zh("二、政府保障程度", "2. Government guarantee"), bars: bars, tables: [table],
            notes: [zh("其余指标需县里提供文件，本工具不作判定。", "The other indicators need county documents; not judged here.")])
    }

    // MARK: - A3 教育质量

    /// Monitored subjects across stored years: (series name, [(year, mean, Ⅲ+ share, 校际差异率)]).
    public static let monitoring: [(LocalizedText, [(String, Double, Double, Double)])] = [
        (
            zh("四年级数学", "Grade 4 mathematics"),
            [("2018", 498.2, 0.712, 0.182), ("2021", 506.7, 0.758, 0.161), ("2024", 515.3, 0.804, 0.128)]
        ),
        (
            zh("八年级数学", "Grade 8 mathematics"),
            [("2018", 489.5, 0.664, 0.214), ("2021", 497.1, 0.701, 0.176), ("2024", 503.9, 0.733, 0.157)]
        ),
        (
            zh("四年级体育与健康", "Grade 4 PE and health"),
            [("2018", 511.0, 0.792, 0.094), ("2021", 514.6, 0.815, 0.088), ("2024", 520.2, 0.838, 0.081)]
        ),
    ]

    public static var quality: ReportSection {
        var bars: [BarCheck] = []
        for (subject, years) in monitoring {
            guard let last = years.last else { continue }
            bars.append(
                BarCheck(
                    area: a3,
                    name: zh(
                        "\(subject.zh)：Ⅲ级以上且校际差异率 < 0.15", "\(subject.en): level Ⅲ+ and between-school share < 0.15"),
                    figure: NumberText.format(last.3, .decimal(3)), threshold: "< 0.15", passes: last.3 < 0.15,
                    responsibleUnits: ["县教育局"].map(LocalizedText.name), value: last.3))
        }
        bars.append(
            BarCheck(
                area: a3, name: zh("初中三年巩固率", "Junior three-year retention"), figure: "—", threshold: "≥ 95%",
                passes: nil, responsibleUnits: ["县教育局", "各乡镇(街道)"].map(LocalizedText.name)))

        func chart(
            _ id: String, _ title: LocalizedText, _ pick: ((String, Double, Double, Double)) -> Double,
            format: ReportNumberFormat, reference: ReportChart.Reference? = nil, fails: ((Double) -> Bool)? = nil
        )
            -> ReportChart
        {
            ReportChart(
                id: id, title: title, kind: .lines,
                series: monitoring.map { subject, years in
                    ReportChart.Series(
                        name: subject,
                        points: years.map {
                            ReportChart.Point(
                                label: LocalizedText(verbatim: $0.0), value: pick($0), fails: fails?(pick($0)) ?? false)
                        })
                },
                references: reference.map { [$0] } ?? [], format: format)
        }

        let table = ReportTable(
            id: "monitoring-history", title: zh("质量监测历年结果", "Quality monitoring across years"),
            columns: [
                ReportColumn(key: "subject", label: zh("学科", "Subject")),
                ReportColumn(key: "year", label: zh("年份", "Year")),
                ReportColumn(key: "mean", label: zh("平均分", "Mean score"), format: .decimal(1)),
                ReportColumn(key: "level3_share", label: zh("Ⅲ级以上比例", "Share at level Ⅲ+"), format: .percent(1)),
                ReportColumn(key: "icc", label: zh("校际差异率", "Between-school share"), format: .decimal(3)),
            ],
            rows: monitoring.flatMap { subject, years in
                years.map { year in
                    [
                        .label(subject), .text(year.0), .number(year.1), .number(year.2),
                        .number(year.3, fails: year.3 >= 0.15),
                    ]
                }
            },
            notes: [zh("校际差异率为 ICC(1)。", "The between-school share is ICC(1).")])

        return ReportSection(
            id: "quality", title: zh("三、教育质量", "3. Education quality"), bars: bars,
            charts: [
                chart("monitoring-mean", zh("各学科平均分", "Mean score by subject"), { $0.1 }, format: .decimal(1)),
                chart(
                    "monitoring-level3", zh("Ⅲ级以上学生比例", "Share of students at level Ⅲ+"), { $0.2 }, format: .percent(1)),
                chart(
                    "monitoring-icc", zh("校际差异率", "Between-school share of variance"), { $0.3 }, format: .decimal(3),
                    reference: ReportChart.Reference(label: zh("标准", "standard"), value: 0.15), fails: { $0 >= 0.15 }),
            ],
            tables: [table])
    }

    // MARK: - 社会认可度

    /// Townships: (name, positive answers, valid answers), sorted by rate, highest first.
    public static let townships: [(String, Int, Int)] = [
        ("城关镇", 412, 448), ("双涧镇", 188, 206), ("庄周街道", 231, 256), ("立仓镇", 150, 168), ("坛城镇", 139, 157),
        ("小涧镇", 117, 133), ("岳坊镇", 98, 113), ("楚村镇", 93, 108), ("许疃镇", 101, 119), ("篱笆镇", 84, 101),
    ]

    public static let groups: [(LocalizedText, Int, Int)] = [
        (zh("家长", "Parents"), 1109, 1246), (zh("教师", "Teachers"), 176, 193), (zh("校长", "Principals"), 28, 30),
        (zh("人大代表", "People's congress deputies"), 18, 21), (zh("政协委员", "CPPCC members"), 17, 20),
        (zh("学生", "Students"), 194, 214), (zh("其他群众", "Other residents"), 71, 85),
    ]

    public static var recognition: ReportSection {
        let positive = groups.map(\.1).reduce(0, +)
        let valid = groups.map(\.2).reduce(0, +)
        let rate = Double(positive) / Double(valid)
        let bars = [
            BarCheck(
                area: a4, name: zh("社会认可度（一票否决）", "Social recognition (veto)"),
                figure: NumberText.format(rate, .percent(1)), threshold: "≥ 85%", passes: rate >= 0.85,
                responsibleUnits: ["县教育局"].map(LocalizedText.name), value: rate)
        ]
        func point(_ label: LocalizedText, _ yes: Int, _ n: Int) -> ReportChart.Point {
            let rate = Double(yes) / Double(n)
            return ReportChart.Point(label: label, value: rate, interval: wilson(yes, n), fails: rate < 0.85)
        }
        let bar85 = ReportChart.Reference(label: zh("达标线", "bar"), value: 0.85)
        let townshipChart = ReportChart(
            id: "satisfaction-by-township", title: zh("各乡镇满意度（95% 置信区间）", "Satisfaction by township (95 % interval)"),
            kind: .bars,
            series: [
                ReportChart.Series(
                    name: zh("满意度", "satisfaction"),
                    points: townships.map { point(LocalizedText(verbatim: $0.0), $0.1, $0.2) }
                        .sorted { $0.value > $1.value })
            ],
            references: [bar85], format: .percent(1))
        let groupChart = ReportChart(
            id: "satisfaction-by-group", title: zh("各类调查对象满意度", "Satisfaction by respondent group"), kind: .bars,
            series: [
                ReportChart.Series(name: zh("满意度", "satisfaction"), points: groups.map { point($0.0, $0.1, $0.2) })
            ],
            references: [bar85], format: .percent(1))
        let table = ReportTable(
            id: "satisfaction-township", title: zh("各乡镇满意度", "Satisfaction by township"),
            columns: [
                ReportColumn(key: "township", label: zh("乡镇", "Township")),
                ReportColumn(key: "n", label: zh("有效回答数", "Valid answers"), format: .integer),
                ReportColumn(key: "rate", label: zh("满意度", "Satisfaction"), format: .percent(1)),
                ReportColumn(key: "low", label: zh("95% 下限", "95 % low"), format: .percent(1)),
                ReportColumn(key: "high", label: zh("95% 上限", "95 % high"), format: .percent(1)),
            ],
            rows: townships.map { name, yes, n in
                let interval = wilson(yes, n)
                let rate = Double(yes) / Double(n)
                return [
                    .text(name), .integer(n), .number(rate, fails: rate < 0.85), .number(interval.lowerBound),
                    .number(interval.upperBound),
                ]
            },
            notes: [
                zh("满意度 = 肯定回答 / 有效回答（不了解不计入）。", "Rate = positive answers / valid answers (\"don't know\" left out).")
            ])
        return ReportSection(
            id: "recognition", title: zh("四、社会认可度", "4. Social recognition"), bars: bars,
            charts: [townshipChart, groupChart], tables: [table])
    }
}
