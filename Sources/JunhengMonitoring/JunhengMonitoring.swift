import JunhengCore
public enum JunhengMonitoring {}
