// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ipasn",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ipasn", targets: ["ipasn"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The domain: model, validation, rulesets, scoring. Pure Swift, no I/O.
        .target(name: "IPASNCore"),
        // Storage behind the `IPASNStore` protocol; SQLite through GRDB.
        .target(
            name: "IPASNStore",
            dependencies: ["IPASNCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Files in and out: reading import files (CSV, any separator and encoding admins produce)
        // into parsed rows, and writing every export and report format.
        .target(
            name: "IPASNFiles",
            dependencies: ["IPASNCore", "IPASNStore", "CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The tiny C shim over the system libxlsxwriter library (writing .xlsx files).
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter"),
        // The use cases both front ends share: figures, plans, activity, progress.
        .target(name: "IPASNReports", dependencies: ["IPASNCore", "IPASNStore"]),
        // The reports as .xlsx workbooks laid out for a meeting: one writer for the CLI and the workstation.
        .target(name: "IPASNReportFiles", dependencies: ["IPASNCore", "IPASNStore", "IPASNFiles", "IPASNReports"]),
        // Helpers shared by every test target: injected clock, fixtures, screen checkpoints,
        // and the Store conformance suite.
        .target(name: "IPASNTestSupport", dependencies: ["IPASNCore", "IPASNStore", "IPASNTerminal", "IPASNReports"]),
        // A realistic, deterministic sample province (units, names, NIPs, records) for trying and benchmarks.
        .target(name: "IPASNDemo", dependencies: ["IPASNCore", "IPASNStore", "IPASNFiles"]),
        // The province-scale benchmark suite behind `ipasn bench` / `make bench`.
        .target(
            name: "IPASNBench",
            dependencies: [
                "IPASNCore", "IPASNStore", "IPASNFiles", "IPASNReports", "IPASNDemo", "IPASNTerminal",
                "IPASNWorkstation", "IPASNPostgres",
            ]
        ),
        // The PostgreSQL server mode: the `Store` on PostgreSQL through libpq (synchronous, like the protocol).
        .target(name: "IPASNPostgres", dependencies: ["IPASNCore", "IPASNStore", "CLibPQ"]),
        // The tiny C shim over the system libpq (Debian's libpq-dev).
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ"),
        // The tiny C shim over the system ncursesw library.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // Cell grid, `Screen` protocol, virtual screen and the ncurses adaptor.
        .target(name: "IPASNTerminal", dependencies: ["CNcurses"]),
        // The workstation screens: data entry, live subtotals, dashboard.
        .target(
            name: "IPASNWorkstation",
            dependencies: ["IPASNCore", "IPASNStore", "IPASNFiles", "IPASNReports", "IPASNReportFiles", "IPASNTerminal"]
        ),
        .executableTarget(
            name: "ipasn",
            dependencies: [
                "IPASNCore", "IPASNStore", "IPASNPostgres", "IPASNFiles", "IPASNReports", "IPASNReportFiles", "IPASNDemo",
                "IPASNTerminal", "IPASNWorkstation", "IPASNBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "IPASNCoreTests", dependencies: ["IPASNCore", "IPASNTestSupport"]),
        .testTarget(name: "IPASNStoreTests", dependencies: ["IPASNStore", "IPASNCore", "IPASNTestSupport"]),
        .testTarget(
            name: "IPASNFilesTests",
            dependencies: [
                "IPASNFiles", "IPASNStore", "IPASNCore", "IPASNTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "IPASNReportsTests",
            dependencies: ["IPASNReports", "IPASNStore", "IPASNCore", "IPASNTestSupport"]
        ),
        .testTarget(name: "IPASNDemoTests", dependencies: ["IPASNDemo", "IPASNFiles", "IPASNStore", "IPASNCore", "IPASNTestSupport"]),
        .testTarget(
            name: "IPASNCLITests",
            dependencies: ["ipasn", "IPASNTestSupport", "IPASNReports", "IPASNWorkstation", "IPASNTerminal", "IPASNStore"]
        ),
        .testTarget(
            name: "IPASNPostgresTests",
            dependencies: [
                "IPASNPostgres", "IPASNStore", "IPASNCore", "IPASNDemo", "IPASNReports", "IPASNTestSupport", "IPASNBench",
                "IPASNWorkstation", "IPASNTerminal",
            ]),
        .testTarget(name: "IPASNTerminalTests", dependencies: ["IPASNTerminal", "IPASNTestSupport"]),
        .testTarget(name: "IPASNBenchTests", dependencies: ["IPASNBench"]),
        .testTarget(
            name: "IPASNWorkstationTests",
            dependencies: [
                "IPASNWorkstation", "IPASNReports", "IPASNTerminal", "IPASNStore", "IPASNCore", "IPASNFiles",
                "IPASNTestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
