import CollectionFixtures
import Foundation
import JunhengCollection
import JunhengQuestionnaire
import Testing

@Suite struct WjxTextLayoutTests {
    let layout: WjxTextLayout

    init() throws {
        layout = WjxTextLayout(survey: try CollectionFixtures.survey())
    }

    @Test func headerIsWjxsWithTheMatrixSplitIntoRows() {
        #expect(
            layout.header == [
                "序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的身份是", "2、您所在的乡镇（街道）",
                "3、孩子就读的学校", "4、您对学校教学质量的满意程度", "5、您对以下方面的满意程度—食堂", "校园安全",
                "6、您希望加强的方面", "7、您的居住地", "8、意见和建议",
            ])
    }

    @Test func cellsOfACompleteResponse() {
        let response = CollectionFixtures.response(
            CollectionFixtures.answers(wants: ["课后服务", "其他【请注明】"], other: "心理┋辅导〖x〗", notes: "=SUM(A1)"),
            token: "T-7", seconds: 136.9, ip: "ab12", link: LinkAnswers(township: "城关镇", school: "第一小学"))
        // 来自IP: the address's HMAC, then the first 12 hex digits of SHA-256("T-7") (Python's hashlib).
        #expect(
            layout.row(serial: 7, response) == [
                "7", "2024/5/20 14:22:55", "136秒", "junheng", "城关镇/第一小学", "ab12#3dd2fe2950b2", "学生家长", "城关镇",
                "(跳过)",
                "满意", "满意", "非常满意", "课后服务┋其他【请注明】〖心理|辅导【x】〗", "城区", "'=SUM(A1)",
            ])
    }

    @Test func timestampsAreChinaStandardTime() {
        // 2023-12-31 23:59:59 UTC is 2024-01-01 07:59:59 in UTC+8.
        #expect(WjxTextLayout.timestamp(Date(timeIntervalSince1970: 1_704_067_199)) == "2024/1/1 7:59:59")
        #expect(WjxTextLayout.timestamp(Date(timeIntervalSince1970: 0)) == "1970/1/1 8:00:00")
    }

    @Test func secondsAreWholeAndNeverNegative() {
        #expect(CollectionFixtures.response(CollectedAnswers(), seconds: 59.99).seconds == 59)
        #expect(CollectionFixtures.response(CollectedAnswers(), seconds: -3).seconds == 0)
    }
}
