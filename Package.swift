// swift-tools-version:6.0
import PackageDescription

// The one-way flow of docs/architecture.md: Engine <- Manifests <- Render, Language -> Session -> stsim,
// with Terminal (the line editor) beside Session and API (the loopback Kubernetes API) after it. scripts/check-architecture compares these
// dependencies with its table and with every import.
let package = Package(
    name: "stsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stsim", targets: ["stsim"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.2"),
    ],
    targets: [
        .target(
            name: "StsimEngine",
            dependencies: [.product(name: "HeapModule", package: "swift-collections")]
        ),
        .target(
            name: "StsimManifests",
            dependencies: ["StsimEngine", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "StsimLanguage", dependencies: ["StsimEngine"]),
        .target(name: "StsimRender", dependencies: ["StsimEngine", "StsimManifests"]),
        .target(
            name: "StsimSession",
            dependencies: ["StsimEngine", "StsimManifests", "StsimLanguage", "StsimRender"]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "StsimTerminal", dependencies: ["CEditLine"]),
        // `stsim export`: a .sts scenario as a bash script of kubectl commands (pure text to text).
        .target(name: "StsimExport", dependencies: ["StsimLanguage", "StsimRender", "StsimEngine"]),
        .target(name: "StsimExplore", dependencies: ["StsimEngine", "StsimLanguage", "StsimSession"]),
        .target(
            name: "StsimAPI",
            dependencies: [
                "StsimSession", "StsimRender", "StsimManifests", "StsimEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "stsim",
            dependencies: [
                "StsimSession", "StsimTerminal", "StsimAPI", "StsimExplore", "StsimExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz builds it with -sanitize=fuzzer); a plain build replays inputs.
        // The floor of scripts/bench: building and storing N pods in process, nothing else.
        .executableTarget(name: "StsimFloor", dependencies: ["StsimEngine"]),
        .executableTarget(
            name: "StsimFuzz", dependencies: ["StsimSession", "StsimLanguage", "StsimManifests", "StsimEngine"]),
        .target(name: "StsimTestSupport", dependencies: ["StsimEngine"]),
        .testTarget(name: "StsimEngineTests", dependencies: ["StsimEngine", "StsimTestSupport"]),
        .testTarget(name: "StsimLanguageTests", dependencies: ["StsimLanguage", "StsimEngine"]),
        .testTarget(
            name: "StsimManifestsTests",
            dependencies: ["StsimManifests", "StsimEngine", "StsimTestSupport"],
            resources: [.copy("Broken")]
        ),
        .testTarget(
            name: "StsimSessionTests",
            dependencies: ["StsimSession", "StsimLanguage", "StsimEngine", "StsimTestSupport"]),
        .testTarget(name: "StsimTerminalTests", dependencies: ["StsimTerminal", "StsimTestSupport"]),
        .testTarget(name: "StsimTranscriptTests", dependencies: ["StsimTestSupport"]),
        .testTarget(name: "StsimRenderTests", dependencies: ["StsimRender", "StsimEngine", "StsimManifests"]),
        .testTarget(name: "StsimAPITests", dependencies: ["StsimAPI", "StsimTestSupport"]),
        .testTarget(name: "StsimExportTests", dependencies: ["StsimExport", "StsimEngine", "StsimTestSupport"]),
        .testTarget(
            name: "StsimExploreTests",
            dependencies: ["StsimExplore", "StsimSession", "StsimLanguage", "StsimEngine"]),
    ]
)
