import Testing

@testable import JunhengQuestionnaire
