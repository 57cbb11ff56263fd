// swift-tools-version:6.0
import PackageDescription

/// ccsim: a discrete-event simulator for contact-centre planning.
///
/// Layers (each a target; arrows point to what a layer may import):
/// ccsim (CLI) → Reports → Planning → Experiments → ContactCenter → Engine;
/// Reports and the CLI also read scenarios (Scenario → ContactCenter); Statistics (the only
/// importer of GSL), Analytics (Erlang formulas) and CGLPK and CCBC (Planning's two MIP
/// solvers, GLPK and COIN-OR CBC) lie below.
/// See docs/architecture.md.
/// Debug builds check the simulation's invariants after every event.
let invariantChecks: [SwiftSetting] = [.define("CCSIM_INVARIANT_CHECKS", .when(configuration: .debug))]

let package = Package(
    name: "ccsim",
    products: [
        .executable(name: "ccsim", targets: ["ccsim"]),
        .library(name: "CCSim", targets: ["Statistics", "Engine", "ContactCenter", "Scenario",
                                          "Analytics", "Experiments", "Planning", "Reports", "Forecasting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        /// GLPK behind an error hook that returns instead of aborting (setjmp, in C).
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"]),
        /// COIN-OR CBC through its C interface, Planning's second MIP solver.
        .systemLibrary(name: "CCBC", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .target(name: "Statistics", dependencies: ["CGSL"]),
        .target(name: "Engine", swiftSettings: invariantChecks),
        .target(name: "Analytics"),
        .target(name: "ContactCenter", dependencies: ["Engine", "Statistics"], swiftSettings: invariantChecks),
        .target(name: "Scenario", dependencies: ["ContactCenter", "Statistics", "Yams"]),
        .target(name: "Experiments", dependencies: ["ContactCenter", "Statistics"]),
        .target(name: "Planning", dependencies: ["CGLPK", "CGLPKGuard", "CCBC", "Analytics", "ContactCenter", "Experiments", "Statistics"]),
        /// Forecasts from interval history: seasonal naive, Holt-Winters on daily totals,
        /// intraday profiles, backtests and prediction intervals; a history generator.
        .target(name: "Forecasting", dependencies: ["ContactCenter", "Statistics"]),
        .target(name: "Reports", dependencies: ["Experiments", "ContactCenter", "Statistics", "Analytics", "Planning", "Scenario",
                                                "Forecasting"]),
        .executableTarget(name: "ccsim", dependencies: [
            "Scenario", "Experiments", "Reports", "Analytics", "ContactCenter", "Planning", "Forecasting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        /// Arbitrary input through the loader, `--set`, small simulations and a part's merge
        /// (the fuzzer's check, and its replay of the regression files under Tests/FuzzRegressions).
        .target(name: "ScenarioFuzzing", dependencies: ["Scenario", "ContactCenter", "Forecasting", "Experiments"]),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "ccsim-fuzz", dependencies: ["ScenarioFuzzing", "CFuzzerDriver"]),
        .target(name: "ValidationCases", path: "Tests/ValidationCases", resources: [.copy("cases_shared.json")]),
        .target(name: "TestSupport", dependencies: ["ContactCenter", "Statistics"], path: "Tests/TestSupport"),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "ValidationCases"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "ContactCenter", "ScenarioFuzzing"]),
        .testTarget(name: "ContactCenterTests", dependencies: [
            "ContactCenter", "Experiments", "Statistics", "Analytics", "Scenario", "TestSupport",
        ]),
        .testTarget(name: "ExperimentsTests", dependencies: [
            "Experiments", "ContactCenter", "Statistics", "Analytics", "Scenario", "Reports", "TestSupport",
        ]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "ContactCenter", "Statistics"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "Analytics", "ContactCenter", "Experiments"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Analytics", "Experiments", "ContactCenter", "Forecasting", "Scenario", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["ccsim"]),
        /// Random small centres: calls conserved, counts non-negative, the same results for any threads.
        .testTarget(name: "PropertyTests", dependencies: [
            "ContactCenter", "Experiments", "Reports", "Statistics",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        /// The slow statistical validation: every exact case of Tests/ValidationCases simulated.
        .testTarget(name: "ValidationTests", dependencies: [
            "Experiments", "ContactCenter", "Statistics", "Analytics", "ValidationCases", "TestSupport", "Scenario",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
