import JunhengCore

public enum JunhengResources {}
