// swift-tools-version: 6.0
// dagroute — transport planning for Dutch day-activity care (Wmo dagbesteding).
// Module layers (a module imports only from lower layers; see ../shared/DESIGN.md §3):
//   1 CGLPK, CZlib, DagrouteCore
//   2 RoadNetwork
//   3 TravelMatrix
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
        .target(name: "DagrouteCore", exclude: ["README.md"]),
        .target(name: "RoadNetwork", dependencies: ["DagrouteCore", "CZlib"], exclude: ["README.md"]),
        .target(name: "TravelMatrix", dependencies: ["DagrouteCore", "RoadNetwork"], exclude: ["README.md"]),
        .target(
            name: "DagrouteCLI",
            dependencies: [
                "DagrouteCore",
                "RoadNetwork",
                "TravelMatrix",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(name: "dagroute", dependencies: ["DagrouteCLI"]),

        .testTarget(name: "DagrouteCoreTests", dependencies: ["DagrouteCore"]),
        .testTarget(name: "RoadNetworkTests", dependencies: ["RoadNetwork"]),
        .testTarget(name: "TravelMatrixTests", dependencies: ["TravelMatrix"]),
        .testTarget(name: "DagrouteCLITests", dependencies: ["DagrouteCLI", "dagroute"]),
    ],
    swiftLanguageModes: [.v6]
)
