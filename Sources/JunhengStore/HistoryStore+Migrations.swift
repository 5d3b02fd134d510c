import GRDB

extension HistoryStore {
    /// The schema, as named forward-only migrations. Never edit a migration that has shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("1 monitoring results") { db in
            try db.create(table: MonitoringResultRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("year", .integer).notNull().check { $0 >= 2000 && $0 <= 2100 }
                t.column("grade", .integer).notNull().check { [4, 8].contains($0) }
                t.column("subject", .text).notNull().check { length($0) > 0 }
                t.column("source", .text).notNull().check { ["students", "county-summary"].contains($0) }
                t.column("schools", .integer).check { $0 >= 0 }
                t.column("students", .integer).check { $0 >= 0 }
                t.column("mean", .double)
                for level in ["level_i", "level_ii", "level_iii", "level_iv"] {
                    t.column(level, .integer).check { $0 >= 0 }
                }
                t.column("share_iii_plus", .double).check { $0 >= 0 && $0 <= 1 }
                t.column("mean_level", .integer).check { $0 >= 1 && $0 <= 4 }
                t.column("icc", .double).check { $0 >= 0 && $0 <= 1 }
                t.column("icc_raw", .double)
                t.column("icc_negative", .boolean).notNull().defaults(to: false)
                t.column("icc_undefined", .text)
                t.column("n0", .double)
                t.column("msb", .double)
                t.column("msw", .double)
                t.column("cv_school_means", .double)
                t.column("meets_mean_level", .boolean)
                t.column("meets_share", .boolean)
                t.column("meets_difference_rate", .boolean)
                t.column("meets", .boolean)
                t.uniqueKey(["year", "grade", "subject"])
            }
            try db.create(table: MonitoringSchoolRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("result_id", .integer).notNull().indexed()
                    .references(MonitoringResultRecord.databaseTableName, onDelete: .cascade)
                t.column("school", .text).notNull().check { length($0) > 0 }
                t.column("township", .text)
                t.column("students", .integer).notNull().check { $0 > 0 }
                t.column("mean", .double).notNull()
                t.column("share_iii_plus", .double).check { $0 >= 0 && $0 <= 1 }
                t.uniqueKey(["result_id", "school"])
            }
        }

        migrator.registerMigration("2 satisfaction cells") { db in
            try db.create(table: SatisfactionCellRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("year", .integer).notNull().check { $0 >= 2000 && $0 <= 2100 }
                t.column("survey", .text).notNull().check { length($0) > 0 }
                t.column("dimension", .text).notNull().check { length($0) > 0 }
                t.column("key", .text).notNull()
                t.column("respondents", .integer).notNull().check { $0 >= 0 }
                t.column("answered", .integer).notNull().check { $0 >= 0 }
                t.column("positive", .integer).notNull().check { $0 >= 0 }
                t.column("rate", .double).check { $0 >= 0 && $0 <= 1 }
                t.column("ci_low", .double)
                t.column("ci_high", .double)
                t.column("meets", .boolean)
                t.check(sql: "positive <= answered")
                t.uniqueKey(["year", "survey", "dimension", "key"])
            }
        }

        // Two schools of one name in two townships (or with two codes) are two rows of one result: the
        // unique key names the school by 学校代码, 乡镇 and 学校名称 (SQLite cannot change a key in place).
        migrator.registerMigration("3 schools told apart by code and township") { db in
            try db.create(table: "monitoring_school_3") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("result_id", .integer).notNull().indexed()
                    .references(MonitoringResultRecord.databaseTableName, onDelete: .cascade)
                t.column("school", .text).notNull().check { length($0) > 0 }
                t.column("township", .text)
                t.column("code", .text)
                t.column("students", .integer).notNull().check { $0 > 0 }
                t.column("mean", .double).notNull()
                t.column("share_iii_plus", .double).check { $0 >= 0 && $0 <= 1 }
                t.uniqueKey(["result_id", "code", "township", "school"])
            }
            try db.execute(
                sql: """
                    INSERT INTO monitoring_school_3 (id, result_id, school, township, students, mean, share_iii_plus)
                    SELECT id, result_id, school, township, students, mean, share_iii_plus FROM monitoring_school
                    """)
            try db.drop(table: MonitoringSchoolRecord.databaseTableName)
            try db.rename(table: "monitoring_school_3", to: MonitoringSchoolRecord.databaseTableName)
        }

        // The cluster sums every interval of a trend needs (DOMAIN.md §7), the caveats computed with each figure
        // and the bars it was judged with. Rows stored before keep their values; their sums stay NULL, which
        // marks them as early data (no interval).
        migrator.registerMigration("4 cluster sums, caveats and bars of every figure") { db in
            try db.alter(table: MonitoringResultRecord.databaseTableName) { t in
                t.add(column: "caveats", .text).notNull().defaults(to: "[]")
                t.add(column: "cut_scores", .text)
                t.add(column: "share_threshold", .double)
                t.add(column: "difference_rate_threshold", .double)
            }
            try db.alter(table: MonitoringSchoolRecord.databaseTableName) { t in
                t.add(column: "score_sum", .double)
                t.add(column: "score_squares", .double).check { $0 >= 0 }
                t.add(column: "students_iii_plus", .integer).check { $0 >= 0 }
            }
            try db.alter(table: SatisfactionCellRecord.databaseTableName) { t in
                t.add(column: "sum_y2", .double).check { $0 >= 0 }
                t.add(column: "sum_m2", .double).check { $0 >= 0 }
                t.add(column: "sum_ym", .double).check { $0 >= 0 }
                t.add(column: "below_min_n", .boolean)
            }
            try db.create(table: SatisfactionRunRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("year", .integer).notNull().check { $0 >= 2000 && $0 <= 2100 }
                t.column("survey", .text).notNull().check { length($0) > 0 }
                t.column("survey_version", .text)
                t.column("threshold", .double).check { $0 >= 0 && $0 <= 1 }
                t.column("min_n", .integer).check { $0 >= 0 }
                t.column("caveats", .text).notNull().defaults(to: "[]")
                t.uniqueKey(["year", "survey"])
            }
        }

        return migrator
    }
}
