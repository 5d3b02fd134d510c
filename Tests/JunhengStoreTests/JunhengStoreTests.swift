import Testing

@testable import JunhengStore
