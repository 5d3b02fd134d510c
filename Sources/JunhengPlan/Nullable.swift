/// An optional that JSON writes as `null` rather than leaving its key out, so every entry of a document
/// has the same keys.
struct Nullable<Wrapped: Encodable & Sendable & Hashable>: Encodable, Sendable, Hashable {
    var value: Wrapped?

    init(_ value: Wrapped?) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
