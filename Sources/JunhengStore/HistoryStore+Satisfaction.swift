import GRDB
import JunhengCore

extension HistoryStore {
    /// Stores a survey's satisfaction cells for a year, replacing whatever that year and survey held, in one
    /// transaction (for `junheng satisfaction … --year Y --save`).
    ///
    /// - Returns: how many stored rows were replaced (0 on the first save).
    @discardableResult
    public func replaceSatisfaction(year: Int, survey: String, cells: [SatisfactionCellRecord]) throws(StoreError)
        -> Int
    {
        try write(LocalizedText(zh: "写入满意度结果", en: "writing the satisfaction rates")) { db in
            let replaced =
                try SatisfactionCellRecord
                .filter(Column("year") == year && Column("survey") == survey)
                .deleteAll(db)
            for cell in cells {
                var row = cell
                row.id = nil
                row.year = year
                row.survey = survey
                try row.insert(db)
            }
            return replaced
        }
    }

    /// Every stored cell cut by one dimension (e.g. `"township"`), ordered by survey, key, then year.
    public func satisfactionTrend(by dimension: String) throws(StoreError) -> [SatisfactionCellRecord] {
        try read(LocalizedText(zh: "读取满意度结果", en: "reading the satisfaction rates")) { db in
            try SatisfactionCellRecord
                .filter(Column("dimension") == dimension)
                .order(Column("survey"), Column("key"), Column("year"))
                .fetchAll(db)
        }
    }
}

extension HistoryStore {
    /// The satisfaction trend for one dimension, ready to print.
    public func satisfactionTrendReport(by dimension: String) throws(StoreError) -> SatisfactionTrend {
        SatisfactionTrend(dimension: dimension, cells: try satisfactionTrend(by: dimension))
    }
}
