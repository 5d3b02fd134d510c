import GRDB
import JunhengCore

extension HistoryStore {
    /// Stores a survey's satisfaction cells for a year (and what holds for the year as a whole), replacing
    /// whatever that year and survey held, in one transaction (for `junheng satisfaction … --year Y --save`;
    /// whether a stored year may be replaced is the caller's to decide).
    ///
    /// - Returns: how many stored cells were replaced (0 on the first save).
    @discardableResult
    public func replaceSatisfaction(
        year: Int, survey: String, cells: [SatisfactionCellRecord], run: SatisfactionRunRecord? = nil
    ) throws(StoreError) -> Int {
        try write(LocalizedText(zh: "写入满意度结果", en: "writing the satisfaction rates")) { db in
            let replaced =
                try SatisfactionCellRecord
                .filter(Column("year") == year && Column("survey") == survey)
                .deleteAll(db)
            try SatisfactionRunRecord.filter(Column("year") == year && Column("survey") == survey).deleteAll(db)
            for cell in cells {
                var row = cell
                row.id = nil
                row.year = year
                row.survey = survey
                try row.insert(db)
            }
            if var run {
                run.id = nil
                run.year = year
                run.survey = survey
                try run.insert(db)
            }
            return replaced
        }
    }

    /// How many cells the store holds for a year of a survey (0: none stored).
    public func satisfactionCellCount(year: Int, survey: String) throws(StoreError) -> Int {
        try read(LocalizedText(zh: "读取满意度结果", en: "reading the satisfaction rates")) { db in
            try SatisfactionCellRecord.filter(Column("year") == year && Column("survey") == survey).fetchCount(db)
        }
    }

    /// Every stored cell cut by one dimension (e.g. `"township"`), ordered by survey, key, then year.
    public func satisfactionCells(by dimension: String) throws(StoreError) -> [SatisfactionCellRecord] {
        try read(LocalizedText(zh: "读取满意度结果", en: "reading the satisfaction rates")) { db in
            try SatisfactionCellRecord
                .filter(Column("dimension") == dimension)
                .order(Column("survey"), Column("key"), Column("year"))
                .fetchAll(db)
        }
    }

    /// What holds for each stored year of each survey as a whole, by survey then year (none for years saved
    /// before migration 4).
    public func satisfactionRuns() throws(StoreError) -> [SatisfactionRunRecord] {
        try read(LocalizedText(zh: "读取满意度结果", en: "reading the satisfaction rates")) { db in
            try SatisfactionRunRecord.order(Column("survey"), Column("year")).fetchAll(db)
        }
    }
}
