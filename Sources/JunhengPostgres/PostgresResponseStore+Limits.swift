public import Foundation
public import JunhengCollection
import PostgresNIO

/// The limits every process on the database shares: one count per sender and minute, and the admin
/// lockout's failures and locks.
extension PostgresResponseStore {
    public func countSubmission(sender: String, minute: Int64) async throws(CollectionStoreError) -> Int {
        try await run("counting a submission", "计数提交") {
            // Now and then, the minutes before the last are forgotten (the table stays small).
            if Int.random(in: 0..<200) == 0 {
                try await self.client.query(
                    "DELETE FROM junheng_submission_counts WHERE minute < \(minute - 1)", logger: self.logger)
            }
            let rows = try await self.client.query(
                """
                INSERT INTO junheng_submission_counts (sender, minute, count) VALUES (\(sender), \(minute), 1)
                ON CONFLICT (sender, minute) DO UPDATE SET count = junheng_submission_counts.count + 1
                RETURNING count
                """, logger: self.logger)
            for try await count in rows.decode(Int32.self) { return Int(count) }
            return 0
        }
    }

    public func adminLockedUntil(sender: String, now: Date) async throws(CollectionStoreError) -> Date? {
        try await run("reading the admin lockout", "读取管理员锁定") {
            let rows = try await self.client.query(
                "SELECT until_ms FROM junheng_admin_locks WHERE sender = \(sender) AND until_ms > \(now.storeMilliseconds)",
                logger: self.logger)
            for try await until in rows.decode(Int64.self) { return Date(timeIntervalSince1970: Double(until) / 1000) }
            return nil
        }
    }

    public func recordAdminFailure(sender: String, now: Date, policy: LockoutPolicy) async throws(CollectionStoreError)
        -> (failures: Int, lockedUntil: Date?)
    {
        let nowMs = now.storeMilliseconds
        let windowStart = nowMs - Int64(policy.window * 1000)
        let until = nowMs + Int64(policy.lock * 1000)
        let attempts = policy.attempts
        return try await run("recording a wrong admin password", "记录管理员密码错误") {
            try await self.client.withTransaction(logger: self.logger) { connection in
                // One sender's failures are counted one process at a time.
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext(\(sender)))", logger: self.logger)
                try await connection.query(
                    "DELETE FROM junheng_admin_failures WHERE sender = \(sender) AND at_ms <= \(windowStart)",
                    logger: self.logger)
                try await connection.query(
                    "INSERT INTO junheng_admin_failures (sender, at_ms) VALUES (\(sender), \(nowMs))",
                    logger: self.logger)
                var failures = 0
                let rows = try await connection.query(
                    "SELECT count(*) FROM junheng_admin_failures WHERE sender = \(sender)", logger: self.logger)
                for try await count in rows.decode(Int64.self) { failures = Int(count) }
                guard failures >= attempts else { return (failures, nil) }
                try await connection.query(
                    "DELETE FROM junheng_admin_failures WHERE sender = \(sender)", logger: self.logger)
                try await connection.query(
                    """
                    INSERT INTO junheng_admin_locks (sender, until_ms) VALUES (\(sender), \(until))
                    ON CONFLICT (sender) DO UPDATE SET until_ms = EXCLUDED.until_ms
                    """, logger: self.logger)
                return (failures, Date(timeIntervalSince1970: Double(until) / 1000))
            }
        }
    }
}
