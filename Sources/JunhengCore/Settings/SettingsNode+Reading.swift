/// Reading a settings tree with the same checks and messages for every settings file.
extension SettingsNode {
    /// The mapping's entries by key; a key not in `allowed` is an error at that key that names the allowed
    /// ones, so a typo never leaves a default silently in force.
    ///
    /// - Parameter what: the mapping's name in messages (`the settings`, `primary_standards`).
    public func mapping(allowed: [String], what: String) throws(SettingsError) -> [String: SettingsNode] {
        try mapping(allowed: allowed, what: LocalizedText(verbatim: what))
    }

    /// The top of a settings file: ``mapping(allowed:what:)`` named "the settings file" in each language.
    public func settingsFile(allowed: [String]) throws(SettingsError) -> [String: SettingsNode] {
        try mapping(allowed: allowed, what: LocalizedText(zh: "设置文件", en: "the settings file"))
    }

    /// ``mapping(allowed:what:)`` with the mapping's name in each language.
    public func mapping(allowed: [String], what name: LocalizedText) throws(SettingsError) -> [String: SettingsNode] {
        // "guarantees 中", but "设置文件中": a space only after a Latin name.
        let what = name.zh.last.map { $0.isASCII } == true ? name.zh + " " : name.zh
        let whatEnglish = name.en
        guard case .mapping(let entries) = value else {
            throw fail(
                LocalizedText(
                    zh: "\(what)应为“键: 值”的映射（JSON 中为 { … }）",
                    en: "\(whatEnglish) must be a mapping of keys to values ({ … } in JSON)"))
        }
        var result: [String: SettingsNode] = [:]
        for entry in entries {
            guard allowed.contains(entry.key) else {
                let known = allowed.joined(separator: ", ")
                throw SettingsError(
                    location: entry.keyLocation,
                    message: LocalizedText(
                        zh: "\(what)中没有“\(entry.key)”这个键（拼写错误？）；可用的键：\(known)",
                        en: "\(whatEnglish) has no key \"\(entry.key)\" (a typo?); the keys are: \(known)"))
            }
            guard result[entry.key] == nil else {
                throw SettingsError(
                    location: entry.keyLocation,
                    message: LocalizedText(
                        zh: "\(what)中“\(entry.key)”出现了两次；请只保留一个",
                        en: "\(whatEnglish) has the key \"\(entry.key)\" twice; keep one"))
            }
            result[entry.key] = entry.value
        }
        return result
    }

    /// The elements of a list.
    public func sequence(what: String) throws(SettingsError) -> [SettingsNode] {
        guard case .sequence(let elements) = value else {
            throw fail(
                LocalizedText(zh: "\(what) 应为列表（JSON 中为 [ … ]）", en: "\(what) must be a list ([ … ] in JSON)"))
        }
        return elements
    }

    /// The text of a scalar.
    public func text(what: String) throws(SettingsError) -> String {
        guard case .scalar(let text) = value else {
            throw fail(LocalizedText(zh: "\(what) 应为一个值", en: "\(what) must be a single value"))
        }
        return HandTypedText.cell(text)
    }

    /// A number in `range`, read by ``NumberCell``.
    public func decimal(what: String, in range: ClosedRange<Double>) throws(SettingsError) -> Double {
        switch NumberCell.decimal(try number(what: what), in: range) {
        case .success(let value): return value
        case .failure(let failure): throw invalid(what, failure)
        }
    }

    /// A whole number in `range`, read by ``NumberCell``.
    public func integer(what: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int {
        switch NumberCell.integer(try number(what: what), in: range) {
        case .success(let value): return value
        case .failure(let failure): throw invalid(what, failure)
        }
    }

    /// An error at this node.
    public func fail(_ message: LocalizedText) -> SettingsError {
        SettingsError(location: location, message: message)
    }

    private func number(what: String) throws(SettingsError) -> String {
        guard case .scalar(let text) = value else {
            throw fail(LocalizedText(zh: "\(what) 应为一个数字", en: "\(what) must be a number"))
        }
        return text
    }

    private func invalid(_ what: String, _ failure: NumberCellFailure) -> SettingsError {
        fail(LocalizedText(zh: "\(what) 的值 ", en: "the value of \(what) ") + failure.message)
    }
}
