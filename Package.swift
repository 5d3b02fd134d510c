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
    ],
    targets: [
        // MARK: - C, through one door each
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        /// Debian's libfreexl: reads .xls (BIFF) workbooks; imported only by `JunhengIngest/FreeXLReader.swift`.
        .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        /// The plain C loop over libcsv that the benchmark compares the Swift wrapper against.
        .target(name: "CSVBaseline", linkerSettings: [.linkedLibrary("csv")]),

        // MARK: - Libraries
        .target(name: "JunhengCore", swiftSettings: strictImports),
        .target(name: "JunhengStatistics", swiftSettings: strictImports),
        /// CSV through libcsv, and workbooks: .xls through libfreexl, .xlsx through ZIPFoundation and a SAX parser.
        .target(
            name: "JunhengIngest",
            dependencies: [
                "CLibCSV", "CFreeXL", "JunhengCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictImports),
        /// The neutral report model and its renderers without C: terminal, Markdown, CSV, HTML + SVG.
        .target(name: "JunhengReports", dependencies: ["JunhengCore"], swiftSettings: strictImports),
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
            dependencies: [
                "JunhengCore", "JunhengStatistics", "JunhengMonitoring", "JunhengReports",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictImports
        ),
        .target(
            name: "JunhengEvaluation",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengWorkbook", "JunhengQuestionnaire",
                "JunhengResources", "JunhengMonitoring", "JunhengStore",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictImports
        ),

        // MARK: - Executables
        .executableTarget(
            name: "junheng",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengQuestionnaire", "JunhengResources",
                "JunhengMonitoring", "JunhengStore", "JunhengEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "JunhengStatisticsTests", dependencies: ["JunhengStatistics"], swiftSettings: strictImports),
        .testTarget(
            name: "JunhengIngestTests", dependencies: ["JunhengCore", "JunhengIngest"], resources: [.copy("Fixtures")],
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
            dependencies: [
                "JunhengCore", "JunhengReports", "JunhengMonitoring", "JunhengStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictImports),
        .testTarget(
            name: "JunhengEvaluationTests",
            dependencies: [
                "JunhengCore", "JunhengReports", "JunhengQuestionnaire", "JunhengResources", "JunhengMonitoring",
                "JunhengStore", "JunhengEvaluation", "HTMLProbe",
            ],
            swiftSettings: strictImports),
        /// Runs the built `junheng` binary: exit codes, and help and error text exactly.
        .testTarget(name: "junhengTests", dependencies: ["junheng"], swiftSettings: strictImports),
    ]
)
