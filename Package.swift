// swift-tools-version:6.1
import PackageDescription

/// The dependency graph is the architecture (see ../shared/STYLE.md):
/// statistics depends on nothing; ingest is the one door to libcsv; reports render a neutral
/// model; each area (questionnaire, resources, monitoring) builds on ingest + statistics;
/// the store keeps results across years; evaluation assembles the county report; the
/// executable stays thin.
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
    ],
    targets: [
        // MARK: - C, through one door each
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        /// The plain C loop over libcsv that the benchmark compares the Swift wrapper against.
        .target(name: "CSVBaseline", linkerSettings: [.linkedLibrary("csv")]),

        // MARK: - Libraries
        .target(name: "JunhengCore"),
        .target(name: "JunhengStatistics"),
        .target(name: "JunhengIngest", dependencies: ["CLibCSV", "JunhengCore"]),
        .target(name: "JunhengReports", dependencies: ["CXLSXWriter", "JunhengCore"]),
        .target(
            name: "JunhengQuestionnaire",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "JunhengResources",
            dependencies: ["JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports"]
        ),
        .target(
            name: "JunhengMonitoring",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengStatistics", "JunhengReports",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "JunhengStore",
            dependencies: [
                "JunhengCore", "JunhengMonitoring", "JunhengReports",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "JunhengEvaluation",
            dependencies: [
                "JunhengCore", "JunhengIngest", "JunhengReports", "JunhengQuestionnaire",
                "JunhengResources", "JunhengMonitoring", "JunhengStore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: - Executables
        .executableTarget(
            name: "junheng",
            dependencies: [
                "JunhengEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "junheng-bench",
            dependencies: ["JunhengIngest", "JunhengQuestionnaire", "CSVBaseline"]
        ),

        // MARK: - Tests (they mirror the sources)
        .testTarget(name: "JunhengStatisticsTests", dependencies: ["JunhengStatistics"]),
        .testTarget(name: "JunhengIngestTests", dependencies: ["JunhengIngest"], resources: [.copy("Fixtures")]),
        /// Reads a rendered page's data-* attributes back, for the reports and evaluation tests.
        .target(name: "HTMLProbe", path: "Tests/HTMLProbe"),
        .testTarget(name: "JunhengReportsTests", dependencies: ["JunhengReports", "HTMLProbe"]),
        .testTarget(
            name: "JunhengQuestionnaireTests",
            dependencies: ["JunhengQuestionnaire"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "JunhengResourcesTests",
            dependencies: ["JunhengResources"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "JunhengMonitoringTests",
            dependencies: ["JunhengMonitoring"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "JunhengStoreTests", dependencies: ["JunhengStore"]),
        .testTarget(name: "JunhengEvaluationTests", dependencies: ["JunhengEvaluation", "HTMLProbe"]),
        /// Runs the built `junheng` binary: exit codes, and help and error text exactly.
        .testTarget(name: "junhengTests", dependencies: ["junheng"]),
    ]
)
