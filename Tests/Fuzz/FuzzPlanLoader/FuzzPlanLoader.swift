import JunhengCore
import JunhengPlan

// libFuzzer target: the plan loader (plan/plan.yaml, `--plan FILE`) on any text (Tests/Fuzz/README.md).
// A broken plan must be a PlanError at its line in the file, never a trap; a plan that loads has only
// thresholds a person could have written (finite, at most 15 digits), which render.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let plan = try PlanLoader.parse(yaml: text, file: "fuzz.yaml")
        for part in plan.parts {
            guard let threshold = part.threshold else { continue }
            precondition(
                threshold.value.isFinite && abs(threshold.value) <= 1e15, "\(part.code): threshold \(threshold.value)")
            precondition(threshold.scale.isFinite && threshold.scale > 0, "\(part.code): scale \(threshold.scale)")
            _ = threshold.text
        }
    } catch {
        precondition(error.location?.file == "fuzz.yaml", "a plan error names \(String(describing: error.location))")
        precondition(error.location?.line != nil, "a plan error without its line: \(error.message.en)")
    }
    return 0
}
