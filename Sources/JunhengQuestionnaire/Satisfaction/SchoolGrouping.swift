import JunhengCore

/// How the by-school tables (satisfaction by school, frequencies `--by school`) tell schools apart: two
/// schools may share a name in different townships (two 中心小学), so a school is its township and its
/// name, never its name alone.
///
/// - An answer the county's registry resolves (``SchoolDirectory/school(named:township:)``) is keyed by
///   its 学校代码 and shown by the registry's name: two spellings of one school are one row.
/// - Otherwise it is keyed by its township and its name (compared by ``HandTypedText/nameKey(_:)``).
/// - An answer without a township joins the one school of its name that the answers or the registry
///   place in a township. Where there are several, it cannot be told which one: those answers are a row of
///   their own, and a caveat says so. Without a registry and with no township in any answer, schools are
///   told apart by name alone, and a caveat says that too.
///
/// A row is named by the school's name, with its township in brackets where two schools of the run or
/// the registry share the name: `中心小学（青云镇）`, `中心小学（柳河镇）`.
struct SchoolGrouping: Sendable {
    /// One answered township (`nil`: not given) and school.
    struct Answer: Sendable, Hashable {
        var township: String?
        var school: String
    }

    /// The row of each answer.
    private(set) var keys: [Answer: String] = [:]
    /// What a reader of the by-school rows must know (see above); empty when every school is told apart.
    private(set) var caveats: [LocalizedText] = []

    /// Groups `answers` (each with its number of respondents, for the caveats).
    init(answers: [Answer: Int], directory: SchoolDirectory?) {
        struct School {
            var name: String
            var township: String?
        }
        var schools: [String: School] = [:]
        var schoolOf: [Answer: String] = [:]
        var withoutTownship: [Answer] = []
        let sorted = answers.keys.sorted { ($0.school, $0.township ?? "") < ($1.school, $1.township ?? "") }
        for answer in sorted {
            if let known = directory?.school(named: answer.school, township: answer.township) {
                let id = "c\u{1F}" + known.code
                if schools[id] == nil { schools[id] = School(name: known.name, township: known.township) }
                schoolOf[answer] = id
            } else if let township = answer.township {
                let id = "t\u{1F}" + HandTypedText.nameKey(township) + "\u{1F}" + HandTypedText.nameKey(answer.school)
                if schools[id] == nil { schools[id] = School(name: answer.school, township: township) }
                schoolOf[answer] = id
            } else {
                withoutTownship.append(answer)
            }
        }
        // The answers without a township: the one school of the name, else a row of their own.
        let placed = schools
        var unplaced: [String: (name: String, respondents: Int, places: [String])] = [:]
        var unplacedOrder: [String] = []
        for answer in withoutTownship {
            let key = HandTypedText.nameKey(answer.school)
            let answered = placed.filter { HandTypedText.nameKey($0.value.name) == key }.sorted { $0.key < $1.key }
            let registered = directory?.schools(named: answer.school) ?? []
            if answered.count == 1, registered.count <= 1 {
                schoolOf[answer] = answered[0].key
                continue
            }
            let id = "n\u{1F}" + key
            if schools[id] == nil { schools[id] = School(name: answer.school, township: nil) }
            schoolOf[answer] = id
            var places: [String] = []
            for place in answered.compactMap(\.value.township) + registered.map(\.township)
            where !places.contains(where: { HandTypedText.nameKey($0) == HandTypedText.nameKey(place) }) {
                places.append(place)
            }
            guard places.count > 1 else { continue }
            places.sort()
            if unplaced[key] == nil {
                unplacedOrder.append(key)
                unplaced[key] = (answer.school, 0, places)
            }
            unplaced[key]!.respondents += answers[answer] ?? 0
        }
        // A school the registry does not know is written as most of its respondents write it (ties: the
        // first in text order), its township too.
        var spellings: [String: [String: Int]] = [:]
        var townshipSpellings: [String: [String: Int]] = [:]
        for (answer, id) in schoolOf where !id.hasPrefix("c") {
            spellings[id, default: [:]][answer.school, default: 0] += answers[answer] ?? 0
            if id.hasPrefix("t"), let township = answer.township {
                townshipSpellings[id, default: [:]][township, default: 0] += answers[answer] ?? 0
            }
        }
        func mostWritten(_ counts: [String: Int]?) -> String? {
            counts?.min { ($1.value, $0.key) < ($0.value, $1.key) }?.key
        }
        for id in spellings.keys {
            schools[id]!.name = mostWritten(spellings[id]) ?? schools[id]!.name
            if let township = mostWritten(townshipSpellings[id]) { schools[id]!.township = township }
        }
        // Each school's row: its name, with its township where another school of the run or the registry
        // has that name.
        var sharing: [String: Int] = [:]
        for school in schools.values { sharing[HandTypedText.nameKey(school.name), default: 0] += 1 }
        var rows: [String: String] = [:]
        var taken: Set<String> = []
        for id in schools.keys.sorted() {
            let school = schools[id]!
            let key = HandTypedText.nameKey(school.name)
            let shared = (sharing[key] ?? 0) > 1 || (directory?.schools(named: school.name).count ?? 0) > 1
            var row = shared ? school.township.map { "\(school.name)（\($0)）" } ?? school.name : school.name
            // (Two rows of one text would be one row to a reader: a second takes its key's end.)
            if taken.contains(row) { row += "（\(id.split(separator: "\u{1F}").last ?? "")）" }
            taken.insert(row)
            rows[id] = row
        }
        keys = schoolOf.mapValues { rows[$0]! }

        for key in unplacedOrder {
            let (name, respondents, places) = unplaced[key]!
            caveats.append(
                LocalizedText(
                    zh: "按学校：\(respondents) 名填写人填了“\(name)”但没有填乡镇，而\(places.joined(separator: "、"))都有名为“\(name)”的学校，"
                        + "无法判定是哪一所，按学校的表把他们单列为“\(name)”。请补填乡镇，或使用固定乡镇和学校的问卷链接。",
                    en:
                        "By school: \(respondents) \(respondents == 1 ? "respondent" : "respondents") answered "
                        + "\(ProperName.mark(name)) without a township, and "
                        + places.map(ProperName.mark).joined(separator: ", ")
                        + " each have a school of that name, so they cannot be told apart: the by-school table lists "
                        + "them as a row of their own (\(ProperName.mark(name))). Have the township filled in, or use "
                        + "links that fix the township and school."))
        }
        if directory == nil, !answers.isEmpty, answers.keys.allSatisfy({ $0.township == nil }) {
            caveats.append(
                LocalizedText(
                    zh: "按学校：答卷中没有乡镇，学校只能按名称区分；不同乡镇的同名学校会算作一所。",
                    en: "By school: the answers give no township, so schools are told apart by name alone; two "
                        + "schools of one name in different townships would be one row."))
        }
    }

    /// The row of an answer; an answer the grouping was not given (none, when it was given every answer of
    /// the run) is its own row by its township and name.
    func key(township: String?, school: String) -> String {
        keys[Answer(township: township, school: school)]
            ?? township.map { "\(school)（\($0)）" } ?? school
    }
}
