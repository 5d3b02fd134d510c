import JunhengCore
public enum JunhengEvaluation {}
