import Testing

@testable import JunhengIngest
