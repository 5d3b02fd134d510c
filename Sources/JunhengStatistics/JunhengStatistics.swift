public enum JunhengStatistics {}
