/// A stored monitoring result: its row and its schools' rows, in the order they were imported.
public struct StoredMonitoringResult: Sendable, Hashable {
    public var result: MonitoringResultRecord
    public var schools: [MonitoringSchoolRecord]

    public init(result: MonitoringResultRecord, schools: [MonitoringSchoolRecord]) {
        self.result = result
        self.schools = schools
    }
}
