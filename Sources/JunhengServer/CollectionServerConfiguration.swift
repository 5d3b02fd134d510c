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
    /// Submissions per sender per minute; 0 turns the limit off.
    public var rateLimit: Int
    /// The county's resident population, for the 1.5 ‰ sample target on the admin page.
    public var population: Int?

    /// Request bodies larger than this (64 KiB) are refused.
    public static let bodyLimit = 64 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8080, surveys: [Questionnaire], adminPassword: String?,
        secret: ServerSecret, rateLimit: Int = 30, population: Int? = nil
    ) {
        self.host = host
        self.port = port
        self.surveys = surveys
        self.adminPassword = adminPassword
        self.secret = secret
        self.rateLimit = rateLimit
        self.population = population
    }
}
