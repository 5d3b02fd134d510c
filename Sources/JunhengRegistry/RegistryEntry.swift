public import JunhengCore

/// One school of the county's registry (学校名录): its code, name, township, stages and type, and the line
/// it is written on.
public struct RegistryEntry: Sendable, Hashable, Codable {
    /// 学校代码: the key of the school wherever the registry is used (two schools may share a name in
    /// different townships, never a code).
    public var code: String
    public var name: String
    public var township: String
    public var stages: Set<RegistryStage>
    public var type: RegistrySchoolType
    public var location: SourceLocation

    public init(
        code: String, name: String, township: String, stages: Set<RegistryStage>, type: RegistrySchoolType,
        location: SourceLocation
    ) {
        self.code = code
        self.name = name
        self.township = township
        self.stages = stages
        self.type = type
        self.location = location
    }
}
