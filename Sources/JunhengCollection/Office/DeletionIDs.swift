/// The numbers of a deletion as the stores keep them: decimal, separated by commas.
package enum DeletionIDs {
    package static func text(_ ids: [Int64]) -> String {
        ids.map(String.init).joined(separator: ",")
    }

    package static func parse(_ text: String) -> [Int64] {
        text.split(separator: ",").compactMap { Int64($0) }
    }
}
