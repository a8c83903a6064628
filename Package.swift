// swift-tools-version:6.1
// Clicktrax: click trackers, offline, in the terminal.
//
// The dependency direction is the architecture (docs/ARCHITECTURE.md):
//   ClicktraxApp  -> ClicktraxCore, TerminalUI
//   CursesTerminal -> TerminalUI, CNcursesw      (the only module that sees ncurses)
//   clicktrax (executable) -> everything
// ClicktraxCore knows no terminal; TerminalUI knows no domain.
import PackageDescription

let package = Package(
    name: "Clicktrax",
    products: [
        .executable(name: "clicktrax", targets: ["clicktrax"]),
        .library(name: "ClicktraxCore", targets: ["ClicktraxCore"]),
        // For the fuzzers in Fuzz/ (a package of their own: they are built with -sanitize=fuzzer).
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "CursesTerminal", targets: ["CursesTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Small text helpers both sides need ("did you mean …?").
        .target(name: "TextTools"),
        .target(
            name: "ClicktraxCore",
            dependencies: [
                "TextTools",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the click rollups' hot loops (blobs read in place, no copy).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["TextTools", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "CursesTerminal",
            dependencies: ["TerminalUI", "CNcursesw"]
        ),
        .target(
            name: "ClicktraxApp",
            dependencies: ["ClicktraxCore", "TerminalUI", "TextTools"]
        ),
        .executableTarget(
            name: "clicktrax",
            dependencies: [
                "ClicktraxCore", "TerminalUI", "CursesTerminal", "ClicktraxApp", "TextTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The figures of README's Performance section (build it with -c release).
        .executableTarget(
            name: "clicktrax-bench",
            dependencies: ["ClicktraxCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ClicktraxCoreTests", dependencies: ["ClicktraxCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI"]),
        // Goldens/ holds whole screens the tests read by path (RECORD_GOLDENS=1 rewrites them).
        .testTarget(name: "ClicktraxAppTests", dependencies: ["ClicktraxApp", "ClicktraxCore", "TerminalUI"], exclude: ["Goldens"]),
        // Runs the built `clicktrax` binary as a user would: exit codes, stdout, stderr.
        .testTarget(name: "ClicktraxCLITests", dependencies: ["clicktrax", "ClicktraxCore", "TerminalUI"]),
    ]
)
