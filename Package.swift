// swift-tools-version: 6.0
// dagroute — transport planning for Dutch day-activity care (Wmo dagbesteding).
// Module layers (a module imports only from lower layers; see ../shared/DESIGN.md §3):
//   1 CGLPK, DagrouteCore
//   3 Routing
//   4 Formats
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
        .target(name: "DagrouteCore", exclude: ["README.md"]),
        .target(name: "Routing", dependencies: ["DagrouteCore"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "Formats", dependencies: ["DagrouteCore", "Routing"], exclude: ["README.md"]),
        .target(
            name: "DagrouteCLI",
            dependencies: [
                "DagrouteCore",
                "Routing",
                "Formats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(name: "dagroute", dependencies: ["DagrouteCLI"]),

        .testTarget(name: "DagrouteCoreTests", dependencies: ["DagrouteCore"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Formats", "DagrouteCore"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "Routing", "DagrouteCore"]),
        .testTarget(name: "DagrouteCLITests", dependencies: ["DagrouteCLI", "dagroute"]),
    ],
    swiftLanguageModes: [.v6]
)
