import Foundation

/// The path of a file under this test target's `Fixtures/` folder.
func fixture(_ name: String) -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
}
