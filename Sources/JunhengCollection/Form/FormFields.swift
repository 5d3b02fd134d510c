/// The fields of a submitted web form (`application/x-www-form-urlencoded`), in the order sent.
///
/// A field may repeat (a multiple choice sends one `qid=option` per ticked option). Names and values
/// are percent-decoded, `+` is a space, and invalid UTF-8 is refused rather than replaced, so an
/// answer is stored exactly as typed or not at all.
public struct FormFields: Sendable, Hashable {
    /// One `name=value` pair.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// At most this many fields are read from one body (a questionnaire has far fewer).
    public static let maximumFields = 2_000

    public var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Parses a URL-encoded body (or query string).
    ///
    /// - Throws: ``FormFieldsError`` for a bad percent escape, bytes that are not UTF-8, or too many fields.
    public init(urlEncoded bytes: some Collection<UInt8>) throws(FormFieldsError) {
        var fields: [Field] = []
        var name: [UInt8] = []
        var value: [UInt8] = []
        var inValue = false
        var index = bytes.startIndex

        func decode(_ raw: [UInt8]) throws(FormFieldsError) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var position = 0
            while position < raw.count {
                let byte = raw[position]
                if byte == UInt8(ascii: "+") {
                    out.append(UInt8(ascii: " "))
                } else if byte == UInt8(ascii: "%") {
                    guard position + 2 < raw.count, let high = Self.hex(raw[position + 1]),
                        let low = Self.hex(raw[position + 2])
                    else { throw .badEscape }
                    out.append(high << 4 | low)
                    position += 2
                } else {
                    out.append(byte)
                }
                position += 1
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw .notUTF8 }
            return text
        }

        func finish() throws(FormFieldsError) {
            defer {
                name.removeAll(keepingCapacity: true)
                value.removeAll(keepingCapacity: true)
                inValue = false
            }
            if name.isEmpty && value.isEmpty && !inValue { return }
            guard fields.count < Self.maximumFields else { throw .tooManyFields }
            fields.append(Field(name: try decode(name), value: try decode(value)))
        }

        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                try finish()
            } else if byte == UInt8(ascii: "="), !inValue {
                inValue = true
            } else if inValue {
                value.append(byte)
            } else {
                name.append(byte)
            }
            index = bytes.index(after: index)
        }
        try finish()
        self.fields = fields
    }

    /// Every value sent under `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.compactMap { $0.name == name ? $0.value : nil }
    }

    /// The first value sent under `name`.
    public func first(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The names sent, each once, in first-seen order.
    public var names: [String] {
        var seen = Set<String>()
        return fields.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
