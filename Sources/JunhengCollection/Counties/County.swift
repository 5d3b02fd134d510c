public import Foundation

/// A county whose responses one store keeps beside others' (a province collecting for every county it
/// evaluates): its admin's password (as a slow salted hash only), its resident population (for the 1.5 ‰
/// sample target) and, when given, its school registry.
public struct County: Sendable, Hashable {
    /// The county's name: its admin's user name (HTTP Basic, UTF-8) and the `county` of its links.
    public var name: String
    public var passwordHash: PasswordHash
    public var population: Int?
    public var registry: RegistryFile?
    public var addedAt: Date

    public init(
        name: String, passwordHash: PasswordHash, population: Int? = nil, registry: RegistryFile? = nil,
        addedAt: Date = Date()
    ) {
        self.name = name
        self.passwordHash = passwordHash
        self.population = population
        self.registry = registry
        self.addedAt = addedAt
    }

    /// The user name of the province's admin, which no county may take.
    public static let provinceUser = "admin"
}

/// A county's school registry (`学校名录.csv`), kept as given.
public struct RegistryFile: Sendable, Hashable {
    /// The file's name, as given.
    public var fileName: String
    /// The file's text (UTF-8).
    public var text: String
    /// Its data rows (schools).
    public var schools: Int

    public init(fileName: String, text: String, schools: Int) {
        self.fileName = fileName
        self.text = text
        self.schools = schools
    }
}
