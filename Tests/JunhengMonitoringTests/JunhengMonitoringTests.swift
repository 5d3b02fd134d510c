import Testing

@testable import JunhengMonitoring
