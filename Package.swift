// swift-tools-version: 6.0
// dagroute — transport planning for Dutch day-activity care (Wmo dagbesteding).
// Module layers (a module imports only from lower layers; see ../shared/DESIGN.md §3):
//   1 CGLPK, CZlib, CCrowFly (the AVX2 crow-fly kernel in C), DagrouteCore
//   2 GLPK, RoadNetwork
//   3 Instance (care-domain values, instance reader/writer, region generator), TravelMatrix, Assignment, Routing
//   4 Formats, Scenario (care domain glue: scenario runs, KPIs, route sheets)
//   5 Reports (text tables, CSV, JSON, GeoJSON, the self-contained HTML report; analyze)
//   6 DagrouteCLI
//   7 dagroute (executable)
import PackageDescription

let package = Package(
    name: "dagroute",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dagroute", targets: ["dagroute"]),
        .library(name: "DagrouteCLI", targets: ["DagrouteCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "CCrowFly"),
        .target(name: "DagrouteCore", exclude: ["README.md"]),
        .target(name: "Instance", dependencies: ["DagrouteCore"], exclude: ["README.md"]),
        .target(name: "GLPK", dependencies: ["CGLPK", "DagrouteCore"], exclude: ["README.md"]),
        .target(name: "Assignment", dependencies: ["DagrouteCore", "GLPK"], exclude: ["README.md"]),
        .target(name: "RoadNetwork", dependencies: ["DagrouteCore", "CZlib"], exclude: ["README.md"]),
        .target(name: "TravelMatrix", dependencies: ["DagrouteCore", "RoadNetwork", "CCrowFly"], exclude: ["README.md"]),
        .target(name: "Routing", dependencies: ["DagrouteCore", "GLPK"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked", "-Ounchecked"], .when(configuration: .release))]),
        .target(name: "Formats", dependencies: ["DagrouteCore", "Routing"], exclude: ["README.md"]),
        .target(name: "Reports", dependencies: ["DagrouteCore", "Instance", "Scenario"], exclude: ["README.md"]),
        .target(name: "Scenario", dependencies: ["DagrouteCore", "Instance", "TravelMatrix", "Assignment", "Routing"],
                exclude: ["README.md"]),
        .target(
            name: "DagrouteCLI",
            dependencies: [
                "DagrouteCore",
                "Instance",
                "GLPK",
                "Assignment",
                "Formats",
                "RoadNetwork",
                "TravelMatrix",
                "Routing",
                "Reports",
                "Scenario",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(name: "dagroute", dependencies: ["DagrouteCLI"]),

        .testTarget(name: "DagrouteCoreTests", dependencies: ["DagrouteCore"]),
        .testTarget(name: "InstanceTests", dependencies: ["Instance"]),
        // Test support: ../shared/instances, known_values.csv and independent re-checks, shared by
        // the solver test targets.
        .target(name: "SharedInstances", dependencies: ["Formats"], path: "Tests/SharedInstances"),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK", "Formats", "CGLPK", "DagrouteCore", "SharedInstances"]),
        .testTarget(name: "AssignmentTests", dependencies: ["Assignment", "GLPK", "Formats", "DagrouteCore", "SharedInstances"]),
        .testTarget(name: "RoadNetworkTests", dependencies: ["RoadNetwork"]),
        .testTarget(name: "TravelMatrixTests", dependencies: ["TravelMatrix"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Formats", "DagrouteCore"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Routing", "DagrouteCore"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Instance", "DagrouteCore"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Instance", "Routing", "DagrouteCore"]),
        .testTarget(name: "DagrouteCLITests", dependencies: ["DagrouteCLI", "dagroute"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Sources/Fuzz*/): one executable per parser family with an
// `LLVMFuzzerTestOneInput` entry and no `main` (libFuzzer supplies it). They link only with
// `-sanitize=fuzzer`, so they join the package only when Scripts/fuzz.sh sets DAGROUTE_FUZZ=1;
// ordinary `swift build` and `swift test` never see them.
if Context.environment["DAGROUTE_FUZZ"] == "1" {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzInstance", ["DagrouteCore", "Instance"]),
        ("FuzzOSMPBF", ["DagrouteCore", "RoadNetwork"]),
        ("FuzzRoutingFormats", ["DagrouteCore", "Formats", "Routing"]),
        ("FuzzORLibrary", ["DagrouteCore", "Formats"]),
        ("FuzzMatrixFiles", ["DagrouteCore", "TravelMatrix"]),
    ]
    for t in fuzzTargets {
        package.targets.append(.executableTarget(name: t.name, dependencies: t.dependencies, exclude: ["README.md"],
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: t.name, targets: [t.name]))
    }
}
