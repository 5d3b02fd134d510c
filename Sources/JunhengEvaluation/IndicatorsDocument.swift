import JunhengCore
import JunhengPlan
import JunhengRegistry
import JunhengResources

/// `indicators.json`: one object — the county, the year, the date the timeline is read at, the plan, every
/// requirement of the plan (as before, in plan order), the national acceptance verdict of each stage, and
/// the codes on the overdue list.
///
/// ```json
/// {"county": "蒙城县", "year": 2024, "as_of": "2024-06-01",
///  "plan": {"id", "title", "issuer", "document", "source"},
///  "requirements": [{"code", "status", "value", "threshold", "units", "deadline", "parts": […]}],
///  "acceptance": {"rule": "…", "source": "…",
///                 "primary": {"schools", "schools_meeting", "cv_max", "cv_limit", "status", "notes"},
///                 "junior": {…}},
///  "overdue": ["C20", …], "names": {"registry", "checked", "findings"}}
/// ```
struct IndicatorsDocument: Encodable, Sendable {
    struct Plan: Encodable, Sendable {
        var id: String
        var title: String
        @ExplicitNull var issuer: String?
        @ExplicitNull var document: String?
        @ExplicitNull var source: String?
    }

    struct Stage: Encodable, Sendable {
        var schools: Int
        var schoolsMeeting: Int
        @ExplicitNull var cvMax: Double?
        var cvLimit: Double
        var status: String
        var notes: [String]

        enum CodingKeys: String, CodingKey {
            case schools, status, notes
            case schoolsMeeting = "schools_meeting"
            case cvMax = "cv_max"
            case cvLimit = "cv_limit"
        }
    }

    struct Acceptance: Encodable, Sendable {
        var rule: String
        var source: String
        var primary: Stage
        var junior: Stage
    }

    struct Names: Encodable, Sendable {
        /// The registry file, or `null` (names compared with each other).
        @ExplicitNull var registry: String?
        var checked: Int
        /// `FILE:LINE:COLUMN: message` of each name not accepted.
        var findings: [String]
    }

    @ExplicitNull var county: String?
    @ExplicitNull var year: Int?
    @ExplicitNull var asOf: String?
    var plan: Plan
    var requirements: [IndicatorEntry]
    var acceptance: Acceptance
    var overdue: [String]
    var names: Names

    enum CodingKeys: String, CodingKey {
        case county, year, plan, requirements, acceptance, overdue, names
        case asOf = "as_of"
    }

    init(_ evaluation: CountyEvaluation, language: Language) {
        let assessment = evaluation.plan
        let countyPlan = assessment.plan
        county = countyPlan.county?.text(language)
        year = evaluation.year
        asOf = assessment.position?.asOf.description
        plan = Plan(
            id: countyPlan.id, title: countyPlan.title.text(language), issuer: countyPlan.issuer?.text(language),
            document: countyPlan.document, source: countyPlan.source)
        requirements = assessment.indicatorEntries(language: language)
        let rule = countyPlan.acceptance ?? .national
        let caveat = evaluation.names.caveat(files: evaluation.folder.files(.roster).map(\.path))
        func stage(_ stage: SchoolStage) -> Stage {
            let limit = stage == .primary ? rule.primaryCVLimit : rule.juniorCVLimit
            guard let verdict = evaluation.resources?.acceptance(stage) else {
                return Stage(schools: 0, schoolsMeeting: 0, cvMax: nil, cvLimit: limit, status: "no-data", notes: [])
            }
            return Stage(
                schools: verdict.schools, schoolsMeeting: verdict.schoolsMeeting, cvMax: verdict.cvMax,
                cvLimit: verdict.cvLimit, status: verdict.status.rawValue,
                notes: caveat.map { [$0.text(language)] } ?? [])
        }
        acceptance = Acceptance(
            rule: rule.text.text(language), source: rule.source.text(language), primary: stage(.primary),
            junior: stage(.junior))
        overdue = assessment.overdue.map(\.code)
        names = Names(
            registry: evaluation.names.registry?.file, checked: evaluation.names.namesChecked,
            findings: evaluation.names.registryProblems.map { $0.line(language) }
                + evaluation.names.all.map { $0.line(language) })
    }
}
