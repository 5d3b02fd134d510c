/// An optional that JSON writes as `"key": null` when it has no value, instead of leaving the key out.
///
/// Swift's synthesized `Encodable` skips a `nil` optional, so a reader of the JSON cannot tell "unknown"
/// from "not computed by this version". junheng's JSON promises every documented key in every object;
/// mark each optional stored property with this wrapper and keep the synthesized conformance:
///
/// ```swift
/// struct Row: Codable {
///     var year: Int
///     @ExplicitNull var mean: Double?   // {"year": 2024, "mean": null}
/// }
/// ```
///
/// Decoding accepts the key missing or `null` (both give `nil`), through the `KeyedDecodingContainer`
/// overload below, which the synthesized `init(from:)` picks.
@propertyWrapper
public struct ExplicitNull<Value> {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }
}

extension ExplicitNull: Sendable where Value: Sendable {}
extension ExplicitNull: Equatable where Value: Equatable {}
extension ExplicitNull: Hashable where Value: Hashable {}

extension ExplicitNull: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension ExplicitNull: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as `nil`, as it would for a plain optional.
    public func decode<Value: Decodable>(_ type: ExplicitNull<Value>.Type, forKey key: Key) throws -> ExplicitNull<
        Value
    > {
        try decodeIfPresent(type, forKey: key) ?? ExplicitNull(wrappedValue: nil)
    }
}
