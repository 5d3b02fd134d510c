/// What an import stored, and what it replaced.
public struct MonitoringImport: Sendable, Hashable, Codable {
    /// A year × grade × subject that was already stored and has been replaced.
    public struct Replaced: Sendable, Hashable, Codable {
        public var year: Int
        public var grade: Int
        public var subject: String
        /// Rows deleted: the result row and its per-school rows.
        public var rows: Int
    }

    public var database: String
    public var storedResults: Int
    public var storedSchoolRows: Int
    public var years: [Int]
    public var replaced: [Replaced]

    enum CodingKeys: String, CodingKey {
        case database, years, replaced
        case storedResults = "stored_results"
        case storedSchoolRows = "stored_school_rows"
    }

    /// The total rows the import deleted before writing.
    public var replacedRows: Int { replaced.reduce(0) { $0 + $1.rows } }
}
