import Testing

@testable import JunhengStatistics
