/// Year over year: which earlier year a figure is compared with, and whether the change is real (DOMAIN.md
/// §7). The one helper of the package for it; monitoring and satisfaction trends both use it.
///
/// A figure of one key (a subject and grade, a questionnaire and township) is compared with the previous
/// stored year of that key (for the monitoring rotation, its previous cycle, often three years back) and
/// with the key's first stored year. The change of a ratio estimator is judged by
/// ``change(from:to:z:)``; a 校际差异率 by ``changeOfIntervals(from:to:)``.
public enum YearOverYear {
    /// Where an element's previous and first year of the same key are, as indices into the elements.
    public struct Link: Sendable, Hashable {
        /// The element of the same key just before this one, if any.
        public var previous: Int?
        /// The first element of the same key, unless this is it.
        public var first: Int?

        public init(previous: Int?, first: Int?) {
            self.previous = previous
            self.first = first
        }
    }

    /// For each of `keys` (one per element, with its `years`), the previous and the first element of the same
    /// key.
    ///
    /// - Precondition: the elements of one key come in increasing year order (keys may interleave).
    /// - Complexity: O(n).
    public static func links<Key: Hashable>(keys: [Key], years: [Int]) -> [Link] {
        precondition(keys.count == years.count, "one year per key")
        var last: [Key: Int] = [:]
        var first: [Key: Int] = [:]
        var links: [Link] = []
        links.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            if let previous = last[key] {
                precondition(years[previous] < years[index], "the years of one key must increase")
            }
            links.append(Link(previous: last[key], first: first[key]))
            last[key] = index
            if first[key] == nil { first[key] = index }
        }
        return links
    }
}
