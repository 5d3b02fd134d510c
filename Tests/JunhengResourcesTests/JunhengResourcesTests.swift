import Testing

@testable import JunhengResources
