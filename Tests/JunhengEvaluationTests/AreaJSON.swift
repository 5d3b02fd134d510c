import Foundation

/// The parts of the area JSON the tests compare, decoded with JSONDecoder (which reads numbers exactly;
/// Foundation's JSONSerialization on Linux can be off in the last digit).
struct ResourcesJSON: Decodable {
    struct Indicator: Decodable {
        var cv: Double?
        var countyValue: Double?

        enum CodingKeys: String, CodingKey {
            case cv
            case countyValue = "county_value"
        }
    }
    var indicators: [Indicator]
}

struct SatisfactionJSONShape: Decodable {
    struct Cell: Decodable {
        var key: [String]?
        var rate: Double?
    }
    var overall: Cell
    var groups: [Cell]
}

struct MonitoringJSON: Decodable {
    struct Result: Decodable {
        var year: Int
        var grade: Int
        var subject: String
        var icc: Double?
        var shareIIIPlus: Double?

        enum CodingKeys: String, CodingKey {
            case year, grade, subject, icc
            case shareIIIPlus = "share_iii_plus"
        }
    }
    var results: [Result]
}

func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}
