import Foundation

/// A made-up 问卷星 export in 按选项文本 mode: 25 columns, Chinese text, quoted fields with commas and
/// newlines, about 380 bytes a row. Deterministic (SplitMix64 with a fixed seed).
enum BenchExport {
    static let townships = [
        "城关镇", "双涧镇", "庄周街道", "漆园街道", "小涧镇", "坛城镇", "立仓镇", "楚村镇", "板桥集镇", "马集镇",
        "岳坊镇", "许疃镇", "篱笆镇", "三义镇", "乐土镇", "白杨林场",
    ]
    static let identities = ["家长", "家长", "家长", "家长", "人大代表", "政协委员", "其他群众"]
    static let scale = ["非常满意", "满意", "基本满意", "不满意", "不了解"]
    static let itemCount = 15
    static let header: String = {
        var columns = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的身份", "2、您所在的乡镇（街道）",
                       "3、您孩子就读的学校"]
        let topics = ["政府重视义务教育", "学校布局合理", "就近入学", "校际办学条件差距", "教师配置", "择校现象",
                      "德育工作", "素质教育", "依法办学", "考试评价改革", "教学质量", "作业负担", "课后服务",
                      "家校沟通", "总体评价"]
        for (index, topic) in topics.enumerated() { columns.append("\(index + 4)、您对\(topic)的满意程度") }
        columns.append("19、您对本县义务教育还有什么意见和建议？")
        return columns.joined(separator: ",")
    }()

    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func write(path: String, rows: Int) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var random = SplitMix64(state: 20_241_231)
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        buffer += [0xEF, 0xBB, 0xBF]
        buffer += Array((header + "\r\n").utf8)
        for row in 1...max(rows, 1) {
            var line = "\(row),2024/5/\(1 + random.below(28)) \(8 + random.below(12)):\(10 + random.below(50)):\(10 + random.below(50)),"
            line += "\(60 + random.below(600))秒,手机提交,微信,"
            line += "183.\(random.below(256)).\(random.below(256)).\(random.below(256))(安徽-亳州),"
            let township = townships[random.below(townships.count)]
            line += identities[random.below(identities.count)] + "," + township + ","
            line += "\(township)中心小学,"
            for _ in 0..<itemCount {
                let pick = random.below(100)
                line += scale[pick < 45 ? 0 : pick < 80 ? 1 : pick < 92 ? 2 : pick < 97 ? 3 : 4] + ","
            }
            switch random.below(4) {
            case 0: line += "\"希望增加课后服务，多开展体育活动,加强家校沟通\""
            case 1: line += "\"建议：\n1. 改善食堂条件\n2. 校车更安全\""
            case 2: line += "\"老师说\"\"作业要少\"\"，很好\""
            default: line += "（跳过）"
            }
            buffer += Array((line + "\r\n").utf8)
            if buffer.count >= 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
    }
}
