import Testing

@testable import JunhengReports
