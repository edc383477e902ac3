// swift-tools-version: 6.1
// libFuzzer targets for Rolescope. A separate package so that the main package's
// `swift build`, `swift test` and CI never build them; see README.md here.
//
// Build (the flags are what make these fuzzers: without -sanitize=fuzzer the link fails
// for want of LLVMFuzzerRunDriver, which only libFuzzer supplies; lld because gold
// crashes linking the instrumented build tool rolescope-pack):
//   swift build -c release --sanitize=address -Xswiftc -sanitize=fuzzer \
//     -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld
import PackageDescription

let package = Package(
    name: "RolescopeFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Rolescope", path: ".."),
    ],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .target(name: "CLibFuzzer"),
        // Runs libFuzzer; turns its bytes into choices, numbers and strings; checks invariants.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // bytes -> YAML documents -> CatalogLoader.load(documents:)
        .executableTarget(
            name: "fuzz-content",
            dependencies: [
                "FuzzSupport",
                .product(name: "RoleModel", package: "Rolescope"),
                .product(name: "RolescopeUI", package: "Rolescope"),
                .product(name: "TerminalKit", package: "Rolescope"),
            ]
        ),
        // bytes -> answer/back/change/restart/explanation on QuestionnaireRun
        .executableTarget(
            name: "fuzz-questionnaire",
            dependencies: [
                "FuzzSupport",
                .product(name: "RoleModel", package: "Rolescope"),
                .product(name: "BuiltinCatalog", package: "Rolescope"),
            ]
        ),
        // bytes as a terminal sends them -> KeyByteDecoder (what CursesTerminal reads keys with)
        .executableTarget(
            name: "fuzz-keys",
            dependencies: ["FuzzSupport", .product(name: "TerminalKit", package: "Rolescope")]
        ),
        // bytes -> keys, mouse and resizes fed to AppModel, rendered after each one
        .executableTarget(
            name: "fuzz-screens",
            dependencies: [
                "FuzzSupport",
                .product(name: "RoleModel", package: "Rolescope"),
                .product(name: "BuiltinCatalog", package: "Rolescope"),
                .product(name: "RolescopeUI", package: "Rolescope"),
                .product(name: "TerminalKit", package: "Rolescope"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
