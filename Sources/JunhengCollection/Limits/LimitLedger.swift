public import Foundation

/// Where `junheng serve` counts what it limits: submissions per sender per minute, and wrong admin
/// passwords per sender. One process keeps them in memory (``MemoryLimitLedger``); several processes on
/// one PostgreSQL database share them through it, so a limit holds for the service as a whole.
///
/// Senders are named by the HMAC of their address (``CollectedResponse/ipHMAC``), never the address.
public protocol LimitLedger: Sendable {
    /// Counts one submission from `sender` in the minute `minute` (minutes since 1970) and returns how many
    /// it has made in that minute, this one included.
    func countSubmission(sender: String, minute: Int64) async throws(CollectionStoreError) -> Int

    /// When `sender` may try an admin password again, if it is locked out at `now`.
    func adminLockedUntil(sender: String, now: Date) async throws(CollectionStoreError) -> Date?

    /// Records a wrong admin password from `sender` at `now`: the wrong ones within `policy`'s window,
    /// this one included, and the end of the lock when this one locks the sender out.
    func recordAdminFailure(sender: String, now: Date, policy: LockoutPolicy) async throws(CollectionStoreError)
        -> (failures: Int, lockedUntil: Date?)
}

/// How many wrong admin passwords a sender may give, within which time, before it is locked out and for
/// how long: 5 in 15 minutes, then 15 minutes of 429.
public struct LockoutPolicy: Sendable, Hashable {
    public var attempts: Int
    public var window: TimeInterval
    public var lock: TimeInterval

    public init(attempts: Int = 5, window: TimeInterval = 15 * 60, lock: TimeInterval = 15 * 60) {
        precondition(attempts > 0 && window > 0 && lock > 0, "a lockout policy with positive figures")
        self.attempts = attempts
        self.window = window
        self.lock = lock
    }
}
