import Testing

@testable import JunhengEvaluation
