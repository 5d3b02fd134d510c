public import JunhengCore

/// The county's one school registry (学校名录): every school with its 学校代码, name, township, stages and
/// type. Every other file that names a school or a township is checked against it (``NameCheck``), and
/// a school is known by its code wherever the registry is used.
///
/// Read from `学校名录.csv` (or any table with the header `学校代码,学校名称,乡镇,学段,类型`) by
/// ``read(path:options:)``; names are compared by ``NameSuggestion/key(_:)``, so spaces and full-width
/// forms never make two names differ.
public struct SchoolRegistry: Sendable, Hashable {
    /// The registry file, as given.
    public var file: String
    /// Every school, in file order.
    public var entries: [RegistryEntry]

    private var byCode: [String: Int]
    private var byName: [String: [Int]]
    private var townshipKeys: [String: String]

    public init(file: String, entries: [RegistryEntry]) {
        self.file = file
        self.entries = entries
        var byCode: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        var townshipKeys: [String: String] = [:]
        for (index, entry) in entries.enumerated() {
            byCode[NameSuggestion.key(entry.code)] = byCode[NameSuggestion.key(entry.code)] ?? index
            byName[NameSuggestion.key(entry.name), default: []].append(index)
            let key = NameSuggestion.key(entry.township)
            if townshipKeys[key] == nil { townshipKeys[key] = entry.township }
        }
        self.byCode = byCode
        self.byName = byName
        self.townshipKeys = townshipKeys
    }

    /// The townships, in the order they first appear.
    public var townships: [String] {
        var seen: Set<String> = []
        return entries.map(\.township).filter { seen.insert(NameSuggestion.key($0)).inserted }
    }

    /// The school with this 学校代码.
    public func entry(code: String) -> RegistryEntry? {
        byCode[NameSuggestion.key(code)].map { entries[$0] }
    }

    /// The schools with this name (several when townships share a school name).
    public func entries(named name: String) -> [RegistryEntry] {
        (byName[NameSuggestion.key(name)] ?? []).map { entries[$0] }
    }

    /// The registry's spelling of a township, if it has it.
    public func township(_ name: String) -> String? {
        townshipKeys[NameSuggestion.key(name)]
    }

    /// The school a file names: by its code when the file gives one, else by its name within its township
    /// (a name alone when the file gives no township and only one school has it).
    public func school(named name: String, township: String?) -> RegistryEntry? {
        let named = entries(named: name)
        if let township {
            let key = NameSuggestion.key(township)
            return named.first { NameSuggestion.key($0.township) == key }
        }
        return named.count == 1 ? named[0] : nil
    }

    /// The nearest registry names to a school name it does not have; the schools of `township` first.
    public func suggestions(school name: String, township: String?) -> [String] {
        let local =
            township.map { t in
                entries.filter { NameSuggestion.key($0.township) == NameSuggestion.key(t) }.map(\.name)
            } ?? []
        let near = NameSuggestion.nearest(to: name, among: local, local: Set(local))
        if !near.isEmpty { return near }
        return NameSuggestion.nearest(to: name, among: entries.map(\.name))
    }

    /// The nearest registry townships to a township it does not have.
    public func suggestions(township name: String) -> [String] {
        NameSuggestion.nearest(to: name, among: townships, townships: true)
    }
}
