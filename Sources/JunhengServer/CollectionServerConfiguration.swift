public import Foundation
public import JunhengCollection
public import JunhengLinks
public import JunhengQuestionnaire

/// How `junheng serve` runs: where it listens, which questionnaires it serves, the admin password, the
/// county's secret, the submission rate limit and the population for the sample target.
public struct CollectionServerConfiguration: Sendable {
    /// The address to listen on (`127.0.0.1`: only this machine; a reverse proxy brings the rest).
    public var host: String
    /// The port; 0 picks a free one (tests).
    public var port: Int
    public var surveys: [Questionnaire]
    /// The admin password (`--admin-password-file`); `nil` turns the admin pages off.
    public var adminPassword: String?
    public var secret: ServerSecret
    /// Submissions per sender per minute; 0 turns the limit off. The default, 120, lets a school's computer
    /// room of up to 60 pupils behind one address all submit within one minute, twice over (a second form of
    /// another questionnaire, a double tap), while a script posting from one address is held to 2 a second.
    public var rateLimit: Int
    /// The county's resident population, for the 1.5 ‰ sample target on the admin page.
    public var population: Int?

    /// `--close-at`: when every questionnaire closes (written into the store at start; the admin page can
    /// reopen).
    public var closeAt: Date?
    /// `--targets FILE`: the responses each township and school is expected to give.
    public var targets: ProgressTargets?
    /// Timeouts and the connection limit.
    public var connections: ConnectionLimits
    /// Wrong admin passwords allowed before a sender is locked out.
    public var lockout: LockoutPolicy

    /// The default of ``rateLimit``.
    public static let defaultRateLimit = 120

    /// Request bodies larger than this (64 KiB) are refused.
    public static let bodyLimit = 64 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8080, surveys: [Questionnaire], adminPassword: String?,
        secret: ServerSecret, rateLimit: Int = defaultRateLimit, population: Int? = nil,
        connections: ConnectionLimits = ConnectionLimits(), lockout: LockoutPolicy = LockoutPolicy(),
        closeAt: Date? = nil, targets: ProgressTargets? = nil
    ) {
        self.host = host
        self.port = port
        self.surveys = surveys
        self.adminPassword = adminPassword
        self.secret = secret
        self.rateLimit = rateLimit
        self.population = population
        self.connections = connections
        self.lockout = lockout
        self.closeAt = closeAt
        self.targets = targets
    }
}
