import Foundation
import JunhengCore

/// A made-up 问卷星 export of the public questionnaire (`surveys/public.yaml`) in 按选项文本 mode:
/// 24 columns (6 metadata, questions 1–17, 总分), Chinese text, quoted free-text answers with commas,
/// quotes and newlines, `(跳过)` for the school question of non-parents, some 不了解, about 2% speeders,
/// 1% repeated submissions (same answers, same IP), 1% school staff (outside the public groups).
/// About 420 bytes a row. Deterministic (SplitMix64 with a fixed seed); no real people.
enum BenchExport {
    static let townships = [
        "城关镇", "双涧镇", "庄周街道", "漆园街道", "小涧镇", "坛城镇", "立仓镇", "楚村镇", "板桥集镇", "马集镇",
        "岳坊镇", "许疃镇", "篱笆镇", "三义镇", "乐土镇", "白杨林场",
    ]
    static let schools = ["中心小学", "第一初级中学", "实验学校", "中心幼儿园附属小学", "九年一贯制学校"]
    /// Question 1's options as 问卷星 writes them, weighted: parents are most respondents.
    static let identities = [
        "学生家长", "学生家长", "学生家长", "学生家长", "学生家长", "学生家长", "学生家长", "学生家长",
        "人大代表", "政协委员", "其他社会人士", "其他社会人士",
    ]
    static let residences = ["县城城区", "乡镇镇区", "农村"]
    static let scale = ["非常满意", "满意", "基本满意", "不满意", "不了解"]
    static let scaleScores = [5, 4, 3, 1, 0]
    static let sources = [("手机提交", "微信"), ("手机提交", "直接访问"), ("链接", "N/A"), ("微信", "朋友圈")]
    static let suggestions = [
        "\"希望增加课后服务，多开展体育活动,加强家校沟通\"",
        "\"建议：\n1. 改善食堂条件\n2. 校车更安全\"",
        "\"老师说\"\"作业要少\"\"，很好\"",
        "无",
        "(跳过)",
        "",
    ]
    /// Questions 5–16: the scored 满意度 items.
    static let itemTexts = [
        "您对县政府重视义务教育、优先保障教育投入的满意程度",
        "您对县政府加强学校德育和学生思想品德教育的满意程度",
        "您对义务教育入学政策公平（免试就近入学、随迁子女和留守儿童关爱）的满意程度",
        "您对推进优质教育资源共享（集团化办学、教师交流轮岗）的满意程度",
        "您对缩小城乡、校际之间办学条件和师资差距的满意程度",
        "您对学校依法规范办学（规范招生收费、不分重点班）的满意程度",
        "您对学校实施素质教育、开齐开足课程的满意程度",
        "您对考试招生和教育评价改革（不以分数给学生排名）的满意程度",
        "您对学校教育教学质量的满意程度",
        "您对减轻学生过重作业负担的满意程度",
        "您对教师师德师风的满意程度",
        "您对本县义务教育工作的总体满意程度",
    ]
    static let header: String = {
        var columns = [
            "序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的身份是",
            "2、您所在的乡镇（街道）", "3、您的孩子就读的学校（家长填写）", "4、您的居住地",
        ]
        for (index, text) in itemTexts.enumerated() { columns.append("\(index + 5)、\(text)") }
        columns.append("17、您对本县义务教育工作有何意见和建议")
        columns.append("总分")
        return columns.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
    }()

    static func write(path: String, rows: Int) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var random = SplitMix64(seed: 20_241_231)
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        buffer += [0xEF, 0xBB, 0xBF]
        buffer += Array((header + "\r\n").utf8)
        var previousIP = ""
        var previousAnswers = ""
        for row in 1...max(rows, 1) {
            var line =
                "\(row),2024/5/\(1 + random.below(28)) \(8 + random.below(12)):\(10 + random.below(50)):\(10 + random.below(50)),"
            // About 2% speeders under the questionnaire's 60 seconds.
            let seconds = random.below(50) == 0 ? 20 + random.below(40) : 60 + random.below(600)
            line += "\(seconds)秒,"
            let source = sources[random.below(sources.count)]
            line += "\(source.0),\(source.1),"
            var ip: String
            var answers: String
            if row > 1, random.below(100) == 0 {
                // A repeated submission: same answers from the same IP.
                ip = previousIP
                answers = previousAnswers
            } else {
                ip = "183.\(random.below(256)).\(random.below(256)).\(random.below(256))(安徽-亳州)"
                let township = townships[random.below(townships.count)]
                let identity = random.below(100) == 0 ? "本县学校教职工" : identities[random.below(identities.count)]
                answers = identity + "," + township + ","
                answers += identity == "学生家长" ? township + schools[random.below(schools.count)] + "," : "(跳过),"
                answers += residences[random.below(residences.count)] + ","
                var total = 0
                for _ in 0..<itemTexts.count {
                    let pick = random.below(100)
                    let option = pick < 45 ? 0 : pick < 80 ? 1 : pick < 92 ? 2 : pick < 97 ? 3 : 4
                    total += scaleScores[option]
                    answers += scale[option] + ","
                }
                answers += suggestions[random.below(suggestions.count)] + ",\(total)"
            }
            previousIP = ip
            previousAnswers = answers
            line += ip + "," + answers
            buffer += Array((line + "\r\n").utf8)
            if buffer.count >= 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
    }
}
