import JunhengCore
import JunhengMonitoring
import JunhengStatistics
import JunhengStore

/// A monitoring result to and from the history store's plain records (``StoredMonitoringResult``), every
/// figure kept as it is, with the per-school sums of the trend's intervals (migration 4).
extension MonitoringArchive {
    /// The store's rows of a result.
    static func record(_ result: MonitoringResult) -> StoredMonitoringResult {
        StoredMonitoringResult(
            result: MonitoringResultRecord(
                year: result.year, grade: result.grade.rawValue, subject: result.subject,
                source: result.source.rawValue, schools: result.schools, students: result.students, mean: result.mean,
                levelCounts: result.levelCounts, shareIIIPlus: result.shareIIIPlus,
                meanLevel: result.meanLevel?.rawValue, icc: result.icc, iccRaw: result.iccRaw,
                iccNegative: result.iccNegative, iccUndefined: result.iccUndefined?.rawValue, n0: result.n0,
                msb: result.meanSquareBetween, msw: result.meanSquareWithin, cvSchoolMeans: result.cvSchoolMeans,
                meetsMeanLevel: result.meetsMeanLevel, meetsShare: result.meetsShare,
                meetsDifferenceRate: result.meetsDifferenceRate, meets: result.meets, caveats: result.caveats,
                cutScores: result.cutScores, shareThreshold: result.shareThreshold,
                differenceRateThreshold: result.differenceRateThreshold),
            schools: result.perSchool.map { school in
                MonitoringSchoolRecord(
                    school: school.school, township: school.township, code: school.code, students: school.students,
                    mean: school.mean, shareIIIPlus: school.shareIIIPlus, scoreSum: school.scoreSum,
                    scoreSquares: school.scoreSquares, studentsIIIPlus: school.studentsIIIPlus)
            })
    }

    /// The result of stored rows; `nil` if they hold values this version cannot read (it traps nowhere).
    static func result(_ stored: StoredMonitoringResult) -> MonitoringResult? {
        let record = stored.result
        guard let grade = MonitoringGrade(rawValue: record.grade),
            let source = MonitoringResult.Source(rawValue: record.source)
        else { return nil }
        return MonitoringResult(
            year: record.year, grade: grade, subject: record.subject, source: source, schools: record.schools,
            students: record.students, mean: record.mean, levelCounts: record.levelCounts,
            shareIIIPlus: record.shareIIIPlus, meanLevel: record.meanLevel.flatMap(ProficiencyLevel.init(rawValue:)),
            icc: record.icc, iccRaw: record.iccRaw, iccNegative: record.iccNegative,
            iccUndefined: record.iccUndefined.flatMap(IntraclassCorrelation.Undefined.init(rawValue:)), n0: record.n0,
            meanSquareBetween: record.msb, meanSquareWithin: record.msw, cvSchoolMeans: record.cvSchoolMeans,
            meetsMeanLevel: record.meetsMeanLevel, meetsShare: record.meetsShare,
            meetsDifferenceRate: record.meetsDifferenceRate, meets: record.meets,
            perSchool: stored.schools.map { school in
                MonitoringSchoolResult(
                    school: school.school, township: school.township, code: school.code, students: school.students,
                    mean: school.mean, shareIIIPlus: school.shareIIIPlus, scoreSum: school.scoreSum,
                    scoreSquares: school.scoreSquares, studentsIIIPlus: school.studentsIIIPlus)
            }, cutScores: record.cutScores, shareThreshold: record.shareThreshold,
            differenceRateThreshold: record.differenceRateThreshold, caveats: record.caveats)
    }
}
