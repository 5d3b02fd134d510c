import Foundation
public import JunhengCore
public import JunhengIngest

/// 单价: what it costs to close one natural unit of a resource gap, supplied by the county.
///
/// The file is a CSV with the headers `项目,单价` (an extra `单位` or `说明` column is allowed and ignored);
/// one row per item:
///
/// | 项目 | 单价 | meaning |
/// |---|---|---|
/// | 教学及辅助用房 | 元 per m² built | indicator 4 |
/// | 体育运动场馆 | 元 per m² | indicator 5 |
/// | 网络多媒体教室 | 元 per room | indicator 7 |
/// | 教师 | 元 per teacher-year | indicators 1 and 3 (new posts) |
/// | 骨干教师 | 元 per teacher (training) | indicator 2, optional |
///
/// Indicator 6 (教学仪器设备值) needs no price: its gap is already in 元. An item left out means no money
/// figure for its indicators.
public struct UnitCosts: Sendable, Hashable, Codable {
    @ExplicitNull public var teachingSpacePerSquareMetre: Double?
    @ExplicitNull public var sportsGroundPerSquareMetre: Double?
    @ExplicitNull public var multimediaRoom: Double?
    @ExplicitNull public var teacherYear: Double?
    @ExplicitNull public var backboneTeacher: Double?

    public init(
        teachingSpacePerSquareMetre: Double? = nil, sportsGroundPerSquareMetre: Double? = nil,
        multimediaRoom: Double? = nil, teacherYear: Double? = nil, backboneTeacher: Double? = nil
    ) {
        self.teachingSpacePerSquareMetre = teachingSpacePerSquareMetre
        self.sportsGroundPerSquareMetre = sportsGroundPerSquareMetre
        self.multimediaRoom = multimediaRoom
        self.teacherYear = teacherYear
        self.backboneTeacher = backboneTeacher
    }

    /// The items of the file, by their 项目 name.
    public enum Item: String, Sendable, CaseIterable {
        case teachingSpace = "教学及辅助用房"
        case sportsGround = "体育运动场馆"
        case multimediaRoom = "网络多媒体教室"
        case teacher = "教师"
        case backboneTeacher = "骨干教师"
    }

    /// 元 per natural unit of an indicator's shortfall: 1 for equipment value (already 元), `nil` when no
    /// price was given.
    public func price(_ indicator: ResourceIndicator) -> Double? {
        switch indicator {
        case .qualifiedTeachers, .sportsArtTeachers: teacherYear
        case .backboneTeachers: backboneTeacher
        case .teachingSpace: teachingSpacePerSquareMetre
        case .sportsGround: sportsGroundPerSquareMetre
        case .equipmentValue: 1
        case .multimediaRooms: multimediaRoom
        }
    }

    /// Reads a unit-cost file through the ingest layer.
    public static func read(path: String, options: CSVReadOptions = CSVReadOptions()) throws -> UnitCosts {
        try UnitCosts(table: CSVTable.read(path: path, options: options))
    }

    /// Reads unit costs from a CSV table in memory.
    public init(table: CSVTable) throws(UnitCostError) {
        func place(_ line: Int?, _ column: Int?) -> SourceLocation {
            SourceLocation(file: table.file, line: line, column: column)
        }
        let header = table.header.map { HandTypedText.cell($0) }
        guard let itemColumn = header.firstIndex(of: "项目"), let priceColumn = header.firstIndex(of: "单价") else {
            throw UnitCostError(
                location: place(table.headerLine, nil),
                message: LocalizedText(
                    zh: "单价文件需要“项目”和“单价”两列", en: "the unit-cost file needs the headers 项目 and 单价"))
        }
        self.init()
        var seen: Set<String> = []
        for record in table.records {
            let name = HandTypedText.cell(record[column: itemColumn] ?? "")
            let cell = HandTypedText.cell(record[column: priceColumn] ?? "")
            guard let item = Item(rawValue: name) else {
                let known = Item.allCases.map(\.rawValue).joined(separator: "、")
                throw UnitCostError(
                    location: place(record.line, itemColumn + 1),
                    message: LocalizedText(
                        zh: "未知项目“\(name)”；可用：\(known)", en: "unknown item \(name); the items are: \(known)"))
            }
            guard seen.insert(name).inserted else {
                throw UnitCostError(
                    location: place(record.line, itemColumn + 1),
                    message: LocalizedText(
                        zh: "项目“\(name)”重复；请只保留一行", en: "the item \(name) is listed twice; keep one row"))
            }
            let price: Double
            switch NumberCell.decimal(cell, in: 0...1e12) {
            case .success(let value): price = value
            case .failure(let failure):
                throw UnitCostError(
                    location: place(record.line, priceColumn + 1),
                    message: LocalizedText(zh: "“\(name)”的单价", en: "the price of \(name) ") + failure.message
                        + LocalizedText(zh: "；应为不小于 0 的数（元）", en: "; it must be a number of at least 0, in 元"))
            }
            switch item {
            case .teachingSpace: teachingSpacePerSquareMetre = price
            case .sportsGround: sportsGroundPerSquareMetre = price
            case .multimediaRoom: multimediaRoom = price
            case .teacher: teacherYear = price
            case .backboneTeacher: backboneTeacher = price
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case teachingSpacePerSquareMetre = "teaching_space_per_m2"
        case sportsGroundPerSquareMetre = "sports_ground_per_m2"
        case multimediaRoom = "multimedia_room"
        case teacherYear = "teacher_year"
        case backboneTeacher = "backbone_teacher"
    }

}

/// A unit-cost file that cannot be used.
public struct UnitCostError: UserFacingError, Hashable {
    public var location: SourceLocation?
    public var message: LocalizedText

    public init(location: SourceLocation?, message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
