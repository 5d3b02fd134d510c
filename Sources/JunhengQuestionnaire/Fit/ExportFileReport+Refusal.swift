import JunhengCore

extension ExportFileReport {
    /// Why this export must not be rated with the questionnaire, or nil.
    ///
    /// - A forced `--mode` that fits no answer (every sampled answer is not an option when read in that
    ///   mode) is always refused: there would be no rate to label.
    /// - A poor fit (``ExportFit/isPoor``) is refused unless `allowPartial`, naming the questionnaire of the
    ///   folder the export fits best, with both fits' figures, the mode the file was read in and how to
    ///   give another (`--mode`), and saying how to go on anyway.
    /// - Parameter counts: whether the run counts every question too (`junheng frequencies`, the report), so
    ///   the message names both figures.
    public func refusal(allowPartial: Bool, counts: Bool = false) -> SurveyDataError? {
        guard let fit, fit.isPoor else { return nil }
        let location = SourceLocation(file: file, line: headerLine)
        if modeForced, fit.sampledAnswers > 0, fit.validAnswers == 0 {
            let detected = detectedMode ?? fit.mode
            let mode = fit.mode
            return SurveyDataError(
                location: location,
                message: LocalizedText(
                    zh: "--mode \(mode.rawValue)（\(mode.label.zh)）与此导出的回答都不相符：抽查的 \(fit.sampledAnswers) 个回答"
                        + "按此方式读没有一个是选项。回答看起来是\(detected.label.zh)（\(detected.rawValue)）。"
                        + "请去掉 --mode，或给出文件实际的下载方式。",
                    en: "--mode \(mode.rawValue) fits no answer of this export: none of the \(fit.sampledAnswers) "
                        + "answers sampled is an option when read as \(mode.label.en)s. The answers look like "
                        + "\(detected.label.en)s (\(detected.rawValue)). Leave out --mode, or give the mode the file "
                        + "was downloaded in."))
        }
        guard !allowPartial else { return nil }
        var message = LocalizedText(
            zh: "此导出与问卷 \(fit.survey) 不相符（\(fit.summary.zh)），算出的\(counts ? "各题统计和" : "")满意度不可信。",
            en: "this export does not fit questionnaire \(fit.survey) (\(fit.summary.en)); "
                + (counts ? "neither counts nor rates from it would be right." : "a rate from it would not be right."))
        if let bestOther, bestOther.score > fit.score {
            message =
                message
                + LocalizedText(
                    zh: "它与问卷 \(bestOther.survey) 最相符（\(bestOther.summary.zh)）：请改用 --survey \(bestOther.survey)。",
                    en: " It fits questionnaire \(bestOther.survey) best (\(bestOther.summary.en)): use --survey "
                        + "\(bestOther.survey).")
        } else {
            message =
                message
                + LocalizedText(
                    zh: "其他问卷也不比它更相符：请运行 `junheng survey check` 查看各列如何对应，必要时写列对应文件（--mapping）。",
                    en: " No other questionnaire fits better: run `junheng survey check` to see how the columns map, "
                        + "and write a mapping file (--mapping) if need be.")
        }
        if !modeForced {
            let mode = fit.mode
            message =
                message
                + LocalizedText(
                    zh: "此文件\(mode.label.zh)（\(mode.rawValue)）读取；若问卷星的下载方式不是这种，"
                        + "请用 --mode text、--mode number 或 --mode score 指定。",
                    en: " The file was read as \(mode.label.en)s (\(mode.rawValue)); if it was downloaded in "
                        + "another mode, give it with --mode text, --mode number or --mode score.")
        }
        return SurveyDataError(
            location: location,
            message: message
                + LocalizedText(
                    zh: "若确要继续，请加 --allow-partial：结果将在所有输出中标为“部分结果”。",
                    en: " To go on anyway, add --allow-partial: the result is then labelled partial in every output."))
    }
}
