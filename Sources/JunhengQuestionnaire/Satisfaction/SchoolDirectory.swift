public import JunhengCore

/// The county's schools as the by-school tables need them: each school's 学校代码, name and township, from
/// the school registry (学校名录.csv) when the county data folder has one. With it, an answered township
/// and school that the registry knows is keyed by its code (``SchoolGrouping``).
///
/// Names are compared by ``HandTypedText/nameKey(_:)``, as the registry check compares them.
public struct SchoolDirectory: Sendable, Hashable {
    public struct School: Sendable, Hashable {
        public var code: String
        public var name: String
        public var township: String

        public init(code: String, name: String, township: String) {
            self.code = code
            self.name = name
            self.township = township
        }
    }

    public let schools: [School]
    private let byPlace: [String: Int]
    private let byName: [String: [Int]]
    private let townships: Set<String>

    public init(schools: [School]) {
        self.schools = schools
        var byPlace: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        for (index, school) in schools.enumerated() {
            let name = HandTypedText.nameKey(school.name)
            let place = HandTypedText.nameKey(school.township) + "\u{1F}" + name
            if byPlace[place] == nil { byPlace[place] = index }
            byName[name, default: []].append(index)
        }
        self.byPlace = byPlace
        self.byName = byName
        townships = Set(schools.map { HandTypedText.nameKey($0.township) })
    }

    /// The school an answer names: by its township and name; by its name alone when the answer gives no
    /// township, or one the directory does not have (a misspelt township is its own finding of the registry
    /// check), and exactly one school has that name. `nil` otherwise.
    public func school(named name: String, township: String?) -> School? {
        let key = HandTypedText.nameKey(name)
        if let township, townships.contains(HandTypedText.nameKey(township)) {
            return byPlace[HandTypedText.nameKey(township) + "\u{1F}" + key].map { schools[$0] }
        }
        guard let named = byName[key], named.count == 1 else { return nil }
        return schools[named[0]]
    }

    /// The schools of one name (two 中心小学 in two townships).
    public func schools(named name: String) -> [School] {
        (byName[HandTypedText.nameKey(name)] ?? []).map { schools[$0] }
    }
}
