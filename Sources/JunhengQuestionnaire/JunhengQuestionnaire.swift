import JunhengCore
public enum JunhengQuestionnaire {}
