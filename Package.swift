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
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // libyaml and SQLite, from the system (Debian: libyaml-dev, libsqlite3-dev).
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The shared core: roles, dimensions, questionnaires, timelines, loading, validation, search.
        .target(name: "RoleModel", dependencies: ["CLibYAML"]),
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
        .target(name: "SessionStore", dependencies: ["RoleModel", "CSQLite"]),
        .executableTarget(
            name: "rolescope",
            dependencies: [
                "RoleModel", "BuiltinCatalog", "RoleReports", "RolescopeUI", "SessionStore", "CursesTerminal", "TerminalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release binary ships without its symbol table and debug information:
            // 19 MB instead of 37 (BENCHMARKS.md). A debug build keeps both for debugging.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--strip-all"], .when(configuration: .release))]
        ),
        // Benchmarks: `swift run -c release rolescope-bench` (see BENCHMARKS.md).
        .executableTarget(
            name: "rolescope-bench",
            dependencies: ["RoleModel", "BuiltinCatalog", "RolescopeUI", "TerminalKit"]
        ),
        .testTarget(name: "RoleModelTests", dependencies: ["RoleModel", "BuiltinCatalog"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        // The terminal layer on a pseudo-terminal: TERM handling, themes, restoring, hang-up.
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalKit"]),
        .testTarget(name: "RoleReportsTests", dependencies: ["RoleReports", "RoleModel", "BuiltinCatalog", "SessionStore"]),
        .testTarget(
            name: "SessionStoreTests",
            dependencies: ["SessionStore", "RoleModel", "BuiltinCatalog"]
        ),
        .testTarget(
            name: "RolescopeUITests",
            dependencies: [
                // SessionStore: the full-disk tests write through the real store.
                "RolescopeUI", "RoleModel", "TerminalKit", "SessionStore",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
