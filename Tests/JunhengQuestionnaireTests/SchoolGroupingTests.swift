import JunhengCore
import JunhengIngest
import Testing

@testable import JunhengQuestionnaire

/// Two schools may share a name in different townships (two 中心小学): the by-school rows key a school by
/// its township and name, or by its 学校代码 where the county's registry knows it. Every figure below is
/// worked out by hand from the rows written here.
@Suite struct SchoolGroupingTests {
    typealias Answer = SchoolGrouping.Answer

    /// A questionnaire with a township and a school question and one scored item (满意, 基本满意 positive).
    static let survey: Questionnaire = try! QuestionnaireLoader.parse(
        yaml: """
            id: schools
            title: 学校测试问卷
            groups: [家长]
            default_group: 家长
            settings: {min_seconds: 0, min_n: 1, threshold: 0.85}
            scales:
              s:
                - {text: 满意, positive: true, score: 3}
                - {text: 基本满意, positive: true, score: 2}
                - {text: 不满意, score: 1}
            questions:
              - {id: town, number: 1, text: 您所在的乡镇, type: text, role: township}
              - {id: school, number: 2, text: 孩子就读的学校, type: text, role: school}
              - {id: a, number: 3, text: 您对学校的满意程度, type: scale, scale: s}
            """, file: "schools.yaml")

    static let header = ["序号", "所用时间", "1、您所在的乡镇", "2、孩子就读的学校", "3、您对学校的满意程度"]

    /// 中心小学 in 青云镇: 满意, 满意, 不满意 (2 of 3); 中心小学 in 柳河镇: 不满意, 不满意 (0 of 2); 城关镇第一小学
    /// in 城关镇, written once 城关镇第1小学: 满意, 基本满意, 不满意 (2 of 3).
    static let rows: [[String]] = [
        ["1", "100秒", "青云镇", "中心小学", "满意"],
        ["2", "100秒", "柳河镇", "中心小学", "不满意"],
        ["3", "100秒", "青云镇", "中心小学", "满意"],
        ["4", "100秒", "柳河镇", "中心小学", "不满意"],
        ["5", "100秒", "青云镇", "中心小学", "不满意"],
        ["6", "100秒", "城关镇", "城关镇第一小学", "满意"],
        ["7", "100秒", "城关镇", "城关镇第1小学", "基本满意"],
        ["8", "100秒", "城关镇", "城关镇第一小学", "不满意"],
    ]

    /// The county's registry: the two 中心小学 and 城关镇第一小学, with their codes.
    static let registry = SchoolDirectory(schools: [
        .init(code: "001", name: "中心小学", township: "青云镇"),
        .init(code: "002", name: "中心小学", township: "柳河镇"),
        .init(code: "003", name: "城关镇第一小学", township: "城关镇"),
    ])

    static func run(_ rows: [[String]], registry: SchoolDirectory? = nil) -> SatisfactionResult {
        var settings = SatisfactionSettings(survey: survey, frequencies: FrequencyRequest(by: .key(.school)))
        settings.schools = registry
        return TestSupport.run(survey, header: header, records: rows, by: [.school], settings: settings)
    }

    static func rates(_ result: SatisfactionResult) -> [String: (positive: Int, answered: Int)] {
        Dictionary(uniqueKeysWithValues: result.groups.map { ($0.key[0], ($0.positive, $0.answered)) })
    }

    /// Without a registry: 中心小学 of 青云镇 at 2/3 and of 柳河镇 at 0/2, two rows named with their townships
    /// (grouped by name they were one row at 2/5 = 40 %); 城关镇第一小学 and 城关镇第1小学 are one spelling of one
    /// school in one township, 2/3, named as two of its three respondents write it.
    @Test func twoSchoolsOfOneNameAreTwoRows() throws {
        let result = Self.run(Self.rows)
        let rates = Self.rates(result)
        #expect(rates.count == 3)
        #expect(rates["中心小学（青云镇）"]! == (2, 3))
        #expect(rates["中心小学（柳河镇）"]! == (0, 2))
        #expect(rates["城关镇第一小学"]! == (2, 3))
        #expect(result.groups.first { $0.key == ["中心小学（青云镇）"] }?.rate?.isClose(to: 2.0 / 3.0) == true)
        #expect(result.groups.first { $0.key == ["中心小学（青云镇）"] }?.label == [LocalizedText.name("中心小学（青云镇）")])
        // Every answer names its township: nothing to say.
        #expect(result.schoolCaveats.isEmpty)
        #expect(!result.caveats.contains { $0.zh.hasPrefix("按学校") })

        // The frequencies by school take the same rows: 青云镇's 满意 2, 不满意 1; 柳河镇's 不满意 2.
        let frequencies = try #require(result.frequencies)
        let question = try #require(frequencies.questions.first { $0.id == "a" })
        func counts(_ key: String) -> [Int]? {
            question.groups.first { $0.key == key }?.counts.options.map(\.count)
        }
        #expect(question.groups.map(\.key).sorted() == ["中心小学（柳河镇）", "中心小学（青云镇）", "城关镇第一小学"])
        #expect(counts("中心小学（青云镇）") == [2, 0, 1])
        #expect(counts("中心小学（柳河镇）") == [0, 0, 2])
        #expect(counts("城关镇第一小学") == [1, 1, 1])
    }

    /// With the registry the rows are keyed by 学校代码: 城关镇第1小学 is the registry's 城关镇第一小学 (003), named
    /// as the registry writes it; the two 中心小学 (001, 002) stay two rows.
    @Test func theRegistryKeysASchoolByItsCode() {
        let result = Self.run(Self.rows, registry: Self.registry)
        let rates = Self.rates(result)
        #expect(rates.count == 3)
        #expect(rates["中心小学（青云镇）"]! == (2, 3))
        #expect(rates["中心小学（柳河镇）"]! == (0, 2))
        #expect(rates["城关镇第一小学"]! == (2, 3))
    }

    /// A 中心小学 answered without a township cannot be told apart where two schools have the name: its one
    /// respondent (不满意, 0/1) is a row of its own, and the caveat names the townships (in text order): from the answers
    /// without a registry, from the registry with one. A school whose name only one township has takes the
    /// answer without a township (城关镇第一小学: 3/4).
    @Test func anAnswerWithoutATownshipJoinsItsSchoolOnlyWhenThereIsOne() {
        let rows =
            Self.rows + [
                ["9", "100秒", "", "中心小学", "不满意"],
                ["10", "100秒", "", "城关镇第一小学", "满意"],
            ]
        for registry in [nil, Self.registry] {
            let result = Self.run(rows, registry: registry)
            let rates = Self.rates(result)
            #expect(rates["中心小学"]! == (0, 1))
            #expect(rates["中心小学（青云镇）"]! == (2, 3))
            #expect(rates["城关镇第一小学"]! == (3, 4))
            #expect(
                result.schoolCaveats.map(\.zh) == [
                    "按学校：1 名填写人填了“中心小学”但没有填乡镇，而柳河镇、青云镇都有名为“中心小学”的学校，无法判定是哪一所，"
                        + "按学校的表把他们单列为“中心小学”。请补填乡镇，或使用固定乡镇和学校的问卷链接。"
                ])
            #expect(result.caveats.contains(result.schoolCaveats[0]))
            #expect(result.frequencies?.caveats.contains(result.schoolCaveats[0]) == true)
        }
        // Only 青云镇's 中心小学 answered, but the registry has two: still not told apart.
        let one = Self.run(
            [["1", "100秒", "青云镇", "中心小学", "满意"], ["2", "100秒", "", "中心小学", "满意"]], registry: Self.registry)
        #expect(Self.rates(one).keys.sorted() == ["中心小学", "中心小学（青云镇）"])
        #expect(
            one.schoolCaveats.first?.text(.en).hasPrefix(
                "By school: 1 respondent answered 中心小学 without a township, and ")
                == true)
        #expect(one.schoolCaveats.first?.en.contains("\(ProperName.mark("柳河镇")), \(ProperName.mark("青云镇"))") == true)
        // Without the registry the same answers name one 中心小学: the answer joins it, and the row needs no
        // township.
        let joined = Self.rates(
            Self.run([["1", "100秒", "青云镇", "中心小学", "满意"], ["2", "100秒", "", "中心小学", "满意"]]))
        #expect(joined.count == 1)
        #expect(joined["中心小学"]! == (2, 2))
    }

    /// An export without a township column and no registry: schools are told apart by name alone, and the
    /// rates say so.
    @Test func withoutAnyTownshipTheRatesSaySo() {
        let grouping = SchoolGrouping(
            answers: [Answer(township: nil, school: "中心小学"): 2, Answer(township: nil, school: "城关镇第一小学"): 1],
            directory: nil)
        #expect(grouping.key(township: nil, school: "中心小学") == "中心小学")
        #expect(
            grouping.caveats.map(\.en) == [
                "By school: the answers give no township, so schools are told apart by name alone; two schools of one "
                    + "name in different townships would be one row."
            ])
        // With a registry the same answers are looked up in it: none of its names is shared, so none is said.
        let withRegistry = SchoolGrouping(
            answers: [Answer(township: nil, school: "城关镇第一小学"): 1], directory: Self.registry)
        #expect(withRegistry.caveats.isEmpty)
        #expect(withRegistry.key(township: nil, school: "城关镇第一小学") == "城关镇第一小学")
    }
}
