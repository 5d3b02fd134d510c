/// The sources the report cites for a rule it did not take from the plan file (DOMAIN.md §1), in both
/// languages. A document number is a name: in English it is quoted as written (``ProperName``), so a
/// reader can look it up.
public enum Citation {
    /// 教督〔2017〕6号, the Ministry of Education's 县域义务教育优质均衡发展督导评估办法: the national acceptance
    /// rule (6 of 7 indicators, the rest ≥ 85 %, the 差异系数 limits) and the 85 % satisfaction bar.
    public static let nationalMeasures = LocalizedText.name("教督〔2017〕6号")

    /// The national measures in full: `教督〔2017〕6号《县域义务教育优质均衡发展督导评估办法》`.
    public static let nationalMeasuresInFull = LocalizedText(
        zh: "教督〔2017〕6号《县域义务教育优质均衡发展督导评估办法》",
        en: "the Measures for the Supervision and Evaluation of High-Quality Balanced County Compulsory Education "
            + "(\(ProperName.mark("教督〔2017〕6号")))")

    /// `附件2 C1` / `Annex 2 C1`: a requirement of the plan's 附件2 by its code.
    public static func annex2(_ code: String) -> LocalizedText {
        LocalizedText(zh: "附件2 \(code)", en: "Annex 2 \(code)")
    }
}
