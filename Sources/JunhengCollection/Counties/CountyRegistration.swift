public import Foundation
import JunhengCore

/// `junheng counties add`: a county checked and added to a store. Its name is its admin's user name and the
/// `county` of its links; its password (from a file) is kept only as a ``PasswordHash``; its school registry
/// (`学校名录.csv`, issue 21's file) is kept as given after its header is checked.
public enum CountyRegistration {
    /// The registry's header, as issue 21 defines it.
    public static let registryHeader = ["学校代码", "学校名称", "乡镇", "学段", "类型"]

    /// Checks and adds the county `name` to `store`.
    ///
    /// - Throws: ``CollectionStoreError`` naming the file or the value at fault: a name that is empty, too
    ///   long, holds a `/` or a control character, or is the province's `admin`; a password under 8
    ///   characters; a population that is not positive; a registry whose header is not
    ///   `学校代码,学校名称,乡镇,学段,类型`; a county already in the store.
    public static func add(
        name: String, passwordFile: String, population: Int?, registryPath: String?, to store: any ResponseStore,
        now: Date = Date()
    ) async throws(CollectionStoreError) -> County {
        func fail(_ place: String?, _ zh: String, _ en: String) -> CollectionStoreError {
            CollectionStoreError(
                location: place.map { SourceLocation(file: $0) }, message: LocalizedText(zh: zh, en: en))
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == name, name.utf8.count <= 100,
            !name.unicodeScalars.contains(where: { $0 == "/" || $0 == ":" || $0.properties.generalCategory == .control }
            )
        else {
            throw fail(
                nil, "县名“\(name)”不可用：应为 1 至 100 字节，不含 /、: 和控制字符，首尾无空格。",
                "the county name “\(name)” cannot be used: 1 to 100 bytes, without /, : or control characters, no "
                    + "spaces at either end.")
        }
        guard name != County.provinceUser else {
            throw fail(
                nil, "“admin”是省级管理员的用户名，不能作县名。", "“admin” is the province's admin user; a county cannot take it.")
        }
        guard let data = FileManager.default.contents(atPath: passwordFile) else {
            throw fail(passwordFile, "无法读取密码文件。", "cannot read the password file.")
        }
        let password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard password.count >= 8 else {
            throw fail(passwordFile, "县管理员密码至少 8 个字符。", "the county admin's password needs at least 8 characters.")
        }
        if let population, population <= 0 {
            throw fail(nil, "--population 应为正整数。", "--population must be a positive number.")
        }
        var registry: RegistryFile?
        if let registryPath { registry = try readRegistry(registryPath) }
        let county = County(
            name: name, passwordHash: PasswordHash(password: password), population: population, registry: registry,
            addedAt: now)
        try await store.addCounty(county)
        return county
    }

    /// The registry file, its header checked (the rows are issue 21's reader's to check).
    static func readRegistry(_ path: String) throws(CollectionStoreError) -> RegistryFile {
        let place = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CollectionStoreError(
                location: SourceLocation(file: path),
                message: LocalizedText(zh: "无法读取学校名录。", en: "cannot read the registry."))
        }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CollectionStoreError(
                location: place,
                message: LocalizedText(
                    zh: "学校名录不是 UTF-8 文本；请在 Excel 中另存为“CSV UTF-8”。",
                    en: "the registry is not UTF-8 text; save it from Excel as “CSV UTF-8”."))
        }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        let header = (lines.first ?? "").split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard header == registryHeader else {
            throw CollectionStoreError(
                location: place,
                message: LocalizedText(
                    zh:
                        "学校名录的第一行应为“\(registryHeader.joined(separator: ","))”，实为“\(header.joined(separator: ",").prefix(200))”。",
                    en: "the registry's first row must be “\(registryHeader.joined(separator: ","))”, not "
                        + "“\(header.joined(separator: ",").prefix(200))”."))
        }
        return RegistryFile(
            fileName: (path as NSString).lastPathComponent, text: text,
            schools: lines.dropFirst().count { !$0.allSatisfy { $0 == "," || $0 == " " } })
    }
}
