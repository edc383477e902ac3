// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rolescope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rolescope", targets: ["rolescope"]),
        .library(name: "RoleModel", targets: ["RoleModel"]),
        // Exposed for the fuzzing package in Fuzz/, which depends on this one by path.
        .library(name: "BuiltinCatalog", targets: ["BuiltinCatalog"]),
        .library(name: "TerminalKit", targets: ["TerminalKit"]),
        .library(name: "RolescopeUI", targets: ["RolescopeUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The shared core: roles, dimensions, questionnaires, timelines, loading, validation, search.
        .target(name: "RoleModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Build-time: validates assets/ and embeds it as JSON in BuiltinCatalog.
        .executableTarget(name: "rolescope-pack", dependencies: ["RoleModel"]),
        .plugin(name: "EmbedCatalog", capability: .buildTool(), dependencies: ["rolescope-pack"]),
        // The catalog compiled into the binary.
        .target(name: "BuiltinCatalog", dependencies: ["RoleModel"], plugins: ["EmbedCatalog"]),
        // Terminal-agnostic drawing: cells, buffers, layout, themes, text width, widgets, keys.
        .target(name: "TerminalKit"),
        // ncursesw with NCURSES_WIDECHAR, plus a shim for macros Swift cannot import.
        .target(name: "CNCursesW", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The only importer of CNCursesW.
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "TerminalKit"]),
        // The screens: pure update and render into a TerminalKit Buffer.
        .target(name: "RolescopeUI", dependencies: ["RoleModel", "RoleReports", "TerminalKit"]),
        // The plain-text commands' documents: text, markdown and JSON.
        .target(name: "RoleReports", dependencies: ["RoleModel", "SessionStore", "TerminalKit"]),
        // Interview and self-assessment sessions, kept in SQLite: every answer and note is
        // written the moment it is given. No terminal code.
        .target(name: "SessionStore", dependencies: ["RoleModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "rolescope",
            dependencies: [
                "RoleModel", "BuiltinCatalog", "RoleReports", "RolescopeUI", "SessionStore", "CursesTerminal", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: `swift run -c release rolescope-bench` (see BENCHMARKS.md).
        .executableTarget(
            name: "rolescope-bench",
            dependencies: ["RoleModel", "BuiltinCatalog", "RolescopeUI", "TerminalKit", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "RoleModelTests", dependencies: ["RoleModel", "BuiltinCatalog"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        // The terminal layer on a pseudo-terminal: TERM handling, themes, restoring, hang-up.
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalKit"]),
        .testTarget(name: "RoleReportsTests", dependencies: ["RoleReports", "RoleModel", "BuiltinCatalog", "SessionStore"]),
        .testTarget(
            name: "SessionStoreTests",
            dependencies: ["SessionStore", "RoleModel", "BuiltinCatalog", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RolescopeUITests",
            dependencies: [
                "RolescopeUI", "RoleModel", "TerminalKit",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
