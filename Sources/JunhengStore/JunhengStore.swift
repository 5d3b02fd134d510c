import JunhengCore
public enum JunhengStore {}
