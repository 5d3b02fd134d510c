public import Foundation

/// A ``LimitLedger`` in this process's memory: what one `junheng serve` on an SQLite file uses. Bounded:
/// past minutes and expired failures are forgotten.
public actor MemoryLimitLedger: LimitLedger {
    private var minute: Int64 = .min
    private var submissions: [String: Int] = [:]
    private var failures: [String: [Date]] = [:]
    private var locks: [String: Date] = [:]

    public init() {}

    public func countSubmission(sender: String, minute: Int64) -> Int {
        if minute != self.minute {
            // A fixed one-minute window: the counts of the minute before are dropped.
            self.minute = minute
            submissions.removeAll(keepingCapacity: true)
        }
        submissions[sender, default: 0] += 1
        return submissions[sender]!
    }

    public func adminLockedUntil(sender: String, now: Date) -> Date? {
        guard let until = locks[sender] else { return nil }
        if until > now { return until }
        locks[sender] = nil
        return nil
    }

    public func recordAdminFailure(sender: String, now: Date, policy: LockoutPolicy) -> (
        failures: Int, lockedUntil: Date?
    ) {
        if failures.count > 100_000 {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < policy.window } }
        }
        var recent = (failures[sender] ?? []).filter { now.timeIntervalSince($0) < policy.window }
        recent.append(now)
        guard recent.count >= policy.attempts else {
            failures[sender] = recent
            return (recent.count, nil)
        }
        // Locked: the count starts again when the lock ends.
        failures[sender] = nil
        let until = now.addingTimeInterval(policy.lock)
        locks[sender] = until
        return (recent.count, until)
    }
}
