// swift-tools-version:6.2
import PackageDescription

let featureFoundation: [Target.Dependency] = ["CityweaveShared", "CityweaveAccounts", "CityweaveDirectory"]

let package = Package(
    name: "cityweave",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cityweave", targets: ["cityweave"]),
        .library(name: "CityweaveCore", targets: ["CityweaveCore"]),
        .library(name: "CityweaveServer", targets: ["CityweaveServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        // The renderer works around how Ink 0.6 parses (see SafeMarkdown): take its fixes, not a new parser.
        .package(url: "https://github.com/JohnSundell/Ink", .upToNextMinor(from: "0.6.0")),
    ],
    targets: [
        .target(
            name: "CityweaveCore",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Ink", package: "Ink"),
            ]
        ),
        // The shared kernel every module stands on: configuration, errors, the page frame, the
        // OpenAPI document, request limits, and the manifest each module declares.
        .target(
            name: "CityweaveShared",
            dependencies: [
                "CityweaveCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // People, sessions, tokens, roles and the audit log; who acts in every edit.
        .target(name: "CityweaveAccounts", dependencies: ["CityweaveShared"]),
        // Countries, cities, networks, memberships, partnerships and people.
        .target(name: "CityweaveDirectory", dependencies: ["CityweaveShared", "CityweaveAccounts"]),
        // The feature modules: each stands on the directory and the accounts, never on another.
        .target(name: "CityweaveKnowledge", dependencies: featureFoundation),
        .target(name: "CityweaveEngagement", dependencies: featureFoundation),
        .target(name: "CityweaveAid", dependencies: featureFoundation),
        .target(name: "CityweaveLandscape", dependencies: featureFoundation),
        .target(name: "CityweaveVoice", dependencies: featureFoundation),
        .target(name: "CityweaveEvents", dependencies: featureFoundation),
        // The server: its list of modules and how it starts.
        .target(
            name: "CityweaveServer",
            dependencies: [
                "CityweaveShared", "CityweaveAccounts", "CityweaveDirectory", "CityweaveKnowledge",
                "CityweaveEngagement", "CityweaveAid", "CityweaveLandscape", "CityweaveVoice", "CityweaveEvents",
            ]
        ),
        .executableTarget(
            name: "cityweave",
            dependencies: ["CityweaveServer", "CityweaveShared"]
        ),
        // Seeded random instances for the tests and the benchmarks; no product ships it.
        .target(
            name: "CityweaveSyntheticData",
            dependencies: ["CityweaveCore"]
        ),
        .testTarget(
            name: "CityweaveCoreTests",
            dependencies: ["CityweaveCore", "CityweaveSyntheticData"]
        ),
        .testTarget(
            name: "CityweaveServerTests",
            dependencies: [
                "CityweaveServer", "CityweaveShared", "CityweaveAccounts", "CityweaveDirectory", "CityweaveKnowledge",
                "CityweaveEngagement", "CityweaveAid", "CityweaveLandscape", "CityweaveVoice", "CityweaveEvents",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
    ]
)

// The benchmarks (Benchmarks/) build only when asked for, so that building and
// testing Cityweave does not build package-benchmark:
//     CITYWEAVE_BENCHMARKS=1 swift package benchmark
if Context.environment["CITYWEAVE_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/package-benchmark.git", from: "1.38.0", traits: ["MallocInterposer"])
    )
    package.targets.append(
        .executableTarget(
            name: "DirectoryBenchmarks",
            dependencies: [
                "CityweaveCore", "CityweaveServer", "CityweaveShared",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            path: "Benchmarks/DirectoryBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    )
    for name in [
        "KnowledgeBenchmarks", "EngagementBenchmarks", "LandscapeBenchmarks", "AidBenchmarks", "VoiceBenchmarks",
        "EventsBenchmarks",
    ] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: [
                    "CityweaveCore", "CityweaveSyntheticData",
                    .product(name: "Benchmark", package: "package-benchmark"),
                ],
                path: "Benchmarks/\(name)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
            )
        )
    }
}
