// swift-tools-version:6.1
import PackageDescription

/// The dependency graph is the architecture (see ARCHITECTURE.md and ../shared/STYLE.md):
/// statistics depends on nothing; each C library comes in through one door; the report model renders
/// without C, and only the workbook writer links libxlsxwriter; each area (questionnaire, resources,
/// monitoring) builds on ingest + statistics + the report model; the store keeps results across years;
/// evaluation assembles the county report; the executable stays thin.
///
/// Every target compiles with `MemberImportVisibility` and `InternalImportsByDefault`, so a module
/// used without being imported, or imported without being declared here, fails the build, and an
/// import is public only where a public declaration needs it.
let strictImports: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "junheng",
    products: [
        .executable(name: "junheng", targets: ["junheng"]),
        .executable(name: "junheng-bench", targets: ["junheng-bench"]),
        .library(name: "Junheng", targets: ["JunhengEvaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Collection (`junheng serve`): the web server, its logging, HMAC for signed links and IP hashes.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The province's shared response store.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - C, through one door each
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        /// Debian's libfreexl: reads .xls (BIFF) workbooks; imported only by `JunhengIngest/FreeXLReader.swift`.
        .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        /// Debian's libqrencode; imported only by `JunhengLinks/QRCode.swift`.
        .systemLibrary(name: "CQREncode", providers: [.apt(["libqrencode-dev"])]),
        /// The plain C loop over libcsv that the benchmark compares the Swift wrapper against.
        .target(name: "CSVBaseline", linkerSettings: [.linkedLibrary("csv")]),
        /// A cache hint (`__builtin_prefetch`) for the duplicate screen's table; used only by
        /// `JunhengIngest/Storage/Prefetch.swift`.
        .target(name: "CPrefetch"),
        /// glibc's threshold for giving large blocks pages of their own (`mallopt`); used only by
        /// `JunhengCore/MemoryPolicy.swift`.
        .target(name: "CMemoryPolicy"),
        /// Starting a program confined (limits, the parent-death signal, no inherited descriptors): the .xls
        /// reader's child process; used only by `JunhengIngest/ChildProcess.swift`.
        .target(name: "CChildProcess"),

        // MARK: - Libraries
        .target(name: "JunhengCore", dependencies: ["CMemoryPolicy"], swiftSettings: strictImports),
        .target(name: "JunhengStatistics", swiftSettings: strictImports),
        /// CSV through libcsv, and workbooks: .xls through libfreexl, .xlsx through ZIPFoundation and a SAX parser.
        .target(
            name: "JunhengIngest",
            dependencies: [
                "CLibCSV", "CFreeXL", "CPrefetch", "CChildProcess", "JunhengCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictImports),
        /// The county's school registry (学校名录) and the check of every name a file gives against it
        /// (or, without one, against each other); low in the graph so collection and the server can use it.
        .target(
            name: "JunhengRegistry", dependencies: ["JunhengCore", "JunhengIngest"], swiftSettings: strictImports),
        /// The neutral report model and its renderers without C: terminal, Markdown, CSV, HTML + SVG.
        .target(
            name: "JunhengReports", dependencies: ["JunhengCore", "JunhengStatistics"], swiftSettings: strictImports),
        /// The Excel workbook: the one door to libxlsxwriter.
        .target(
            name: "JunhengWorkbook", dependencies: ["CXLSXWriter", "JunhengCore", "JunhengReports"],
            swiftSettings: strictImports),
        .target(
            name: "JunhengQuestionnaire",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "JunhengResources",
            dependencies: ["JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports"],
            swiftSettings: strictImports
        ),
        .target(
            name: "JunhengMonitoring",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "JunhengStore",
            dependencies: ["JunhengCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictImports
        ),
        /// The county plan (附件2) as data: requirements, thresholds, responsible units and the timeline; the
        /// county indicator sheet (县级指标填报表); the status of every requirement and the units' view.
        .target(
            name: "JunhengPlan",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "JunhengEvaluation",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengWorkbook", "JunhengQuestionnaire",
                "JunhengResources", "JunhengMonitoring", "JunhengStore", "JunhengPlan", "JunhengCollection",
                "JunhengRegistry", "JunhengStatistics", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictImports
        ),
        /// Collection: the web form's model and server-side validation, the response store (a protocol, SQLite
        /// through GRDB, in memory for tests) and the 问卷星-layout export of what was collected.
        .target(
            name: "JunhengCollection",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengQuestionnaire",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictImports
        ),
        /// The province's shared response store: PostgreSQL through postgres-nio, behind ``ResponseStore``, with the
        /// rate limit and admin lockout every process shares.
        .target(
            name: "JunhengPostgres",
            dependencies: [
                "JunhengCore", "JunhengCollection",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictImports
        ),
        /// Signed links per township or school, and their printable QR sheet (the one door to libqrencode).
        .target(
            name: "JunhengLinks",
            dependencies: [
                "CQREncode", "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengQuestionnaire",
                "JunhengCollection",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictImports
        ),
        /// `junheng serve`: the HTTP routes (form, submission, admin, export), auth, CSRF, rate and body limits.
        .target(
            name: "JunhengServer",
            dependencies: [
                "JunhengCore", "JunhengReports", "JunhengQuestionnaire", "JunhengCollection", "JunhengLinks",
                "JunhengWorkbook", "JunhengIngest",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictImports
        ),

        // MARK: - Executables
        .executableTarget(
            name: "junheng",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengQuestionnaire", "JunhengResources",
                "JunhengMonitoring", "JunhengStore", "JunhengPlan", "JunhengEvaluation", "JunhengCollection",
                "JunhengLinks", "JunhengRegistry",
                "JunhengServer", "JunhengPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports
        ),
        .executableTarget(
            name: "junheng-bench",
            dependencies: ["JunhengCore", "JunhengIngest", "JunhengQuestionnaire", "CSVBaseline"],
            swiftSettings: strictImports
        ),

        // MARK: - Tests (they mirror the sources)
        .testTarget(
            name: "JunhengCoreTests", dependencies: ["JunhengCore"], swiftSettings: strictImports),
        .testTarget(
            name: "JunhengStatisticsTests", dependencies: ["JunhengCore", "JunhengStatistics"],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengRegistryTests", dependencies: ["JunhengCore", "JunhengIngest", "JunhengRegistry"],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengIngestTests",
            dependencies: [
                "JunhengCore", "JunhengIngest", "XLSReaderHost",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: strictImports),
        /// The .xls reader's child process for the tests that read .xls workbooks (what `junheng read-xls-child`
        /// is for the program).
        .executableTarget(
            name: "XLSReaderHost", dependencies: ["JunhengIngest"], path: "Tests/XLSReaderHost",
            swiftSettings: strictImports),
        /// Reads a rendered page's data-* attributes back, for the reports and evaluation tests.
        .target(name: "HTMLProbe", path: "Tests/HTMLProbe", swiftSettings: strictImports),
        /// A realistic county report in the neutral model, for the reports and workbook tests.
        .target(
            name: "SampleReport", dependencies: ["JunhengCore", "JunhengReports"], path: "Tests/SampleReport",
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengReportsTests", dependencies: ["JunhengCore", "JunhengReports", "HTMLProbe", "SampleReport"],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengWorkbookTests",
            dependencies: ["JunhengCore", "JunhengReports", "JunhengWorkbook", "SampleReport"],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengQuestionnaireTests",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports", "JunhengQuestionnaire",
                "XLSReaderHost",
            ],
            resources: [.copy("Fixtures")], swiftSettings: strictImports
        ),
        .testTarget(
            name: "JunhengResourcesTests",
            dependencies: ["JunhengCore", "JunhengIngest", "JunhengReports", "JunhengResources"],
            resources: [.copy("Fixtures")], swiftSettings: strictImports
        ),
        .testTarget(
            name: "JunhengMonitoringTests",
            dependencies: ["JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports", "JunhengMonitoring"],
            resources: [.copy("Fixtures")], swiftSettings: strictImports
        ),
        .testTarget(
            name: "JunhengStoreTests",
            dependencies: ["JunhengCore", "JunhengStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengPlanTests", dependencies: ["JunhengCore", "JunhengIngest", "JunhengReports", "JunhengPlan"],
            resources: [.copy("Fixtures")], swiftSettings: strictImports),
        .testTarget(
            name: "JunhengEvaluationTests",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengQuestionnaire", "JunhengResources",
                "JunhengMonitoring", "JunhengStore", "JunhengPlan", "JunhengEvaluation", "HTMLProbe",
                "JunhengCollection", "JunhengRegistry", "JunhengStatistics",
                "CollectionFixtures", "XLSReaderHost", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictImports),
        /// A questionnaire with every question type, and collected responses to it, for the collection tests.
        .target(
            name: "CollectionFixtures", dependencies: ["JunhengQuestionnaire", "JunhengCollection"],
            path: "Tests/CollectionFixtures", swiftSettings: strictImports),
        .testTarget(
            name: "JunhengCollectionTests",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengQuestionnaire", "JunhengCollection", "CollectionFixtures",
                "JunhengPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengLinksTests",
            dependencies: [
                "JunhengCore", "JunhengQuestionnaire", "JunhengCollection", "JunhengLinks", "CollectionFixtures",
            ],
            swiftSettings: strictImports),
        /// The real server on a loopback port, a real SQLite file.
        .testTarget(
            name: "JunhengServerTests",
            dependencies: [
                "JunhengCore", "JunhengQuestionnaire", "JunhengCollection", "JunhengLinks", "JunhengServer",
                "CollectionFixtures", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictImports),
        /// Runs the built `junheng` binary: exit codes, and help and error text exactly.
        .testTarget(
            name: "junhengTests", dependencies: ["junheng", "CollectionFixtures"],
            exclude: ["Snapshots", "Fixtures"],
            swiftSettings: strictImports),
    ]
)

// MARK: - Fuzzing
// libFuzzer targets, one executable each (Tests/Fuzz/README.md), declared only when JUNHENG_FUZZ=1:
// `make fuzz` builds them with `-sanitize=fuzzer,address` into their own scratch path, .build-fuzz, so
// ordinary builds and tests never compile them.
if Context.environment["JUNHENG_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzCSVReader", ["JunhengCore", "JunhengIngest"]),
        ("FuzzEncodingDetector", ["JunhengIngest"]),
        ("FuzzQuestionnaireLoader", ["JunhengQuestionnaire"]),
        ("FuzzWjxExport", ["JunhengCore", "JunhengIngest", "JunhengQuestionnaire"]),
        ("FuzzResourceSettings", ["JunhengResources"]),
        ("FuzzMonitoringSettings", ["JunhengIngest", "JunhengMonitoring"]),
        ("FuzzXLSReader", ["JunhengCore", "JunhengIngest"]),
        ("FuzzPlanLoader", ["JunhengCore", "JunhengPlan"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: dependencies, path: "Tests/Fuzz/\(name)",
                // No main of its own: libFuzzer's main calls LLVMFuzzerTestOneInput.
                swiftSettings: strictImports + [.unsafeFlags(["-parse-as-library"])]))
    }
}

// MARK: - The ingest layer alone
// With JUNHENG_INGEST_ONLY=1 the package is the CSV reader and its tests only, so CI can run them under
// AddressSanitizer (`swift test --sanitize=address --scratch-path .build-asan`) without building the rest.
if Context.environment["JUNHENG_INGEST_ONLY"] == "1" {
    // JunhengIngestTests and every target it needs, followed through the graph (so a new door of the
    // reader, such as CFreeXL, comes along without being listed here).
    var ingest: Set<String> = []
    var pending = ["JunhengIngestTests"]
    while let name = pending.popLast() {
        guard ingest.insert(name).inserted, let target = package.targets.first(where: { $0.name == name }) else {
            continue
        }
        for dependency in target.dependencies {
            switch dependency {
            case .targetItem(let name, _), .byNameItem(let name, _): pending.append(name)
            default: break
            }
        }
    }
    package.targets.removeAll { !ingest.contains($0.name) }
    package.products.removeAll()
}
