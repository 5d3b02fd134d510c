import JunhengQuestionnaire

// libFuzzer target: the questionnaire loader (surveys/*.yaml) on any text (Tests/Fuzz/README.md).
// A broken file must be a QuestionnaireError with its place, never a trap; a file that loads must
// render as a paper questionnaire.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaireLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let questionnaire = try? QuestionnaireLoader.parse(yaml: text, file: "fuzz.yaml") else { return 0 }
    _ = QuestionnaireSummary(questionnaire)
    _ = QuestionnaireDescription(questionnaire)
    _ = questionnaire.paperMarkdown()
    return 0
}
