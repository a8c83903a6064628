// swift-tools-version:6.1
// libFuzzer targets for Clicktrax's parsers, validators and tag generator. A package of its own,
// built with -sanitize=fuzzer (see FuzzSupport/FuzzerEntry.swift for how each target starts
// libFuzzer). Built and run by scripts/fuzz; the seed corpora are in Fuzz/Corpus.
import PackageDescription

let fuzzers = ["FuzzImportJSON", "FuzzImportCSV", "FuzzConfig", "FuzzValidators", "FuzzTags", "FuzzKeyDecoder"]

let package = Package(
    name: "ClicktraxFuzz",
    dependencies: [.package(name: "Clicktrax", path: "..")],
    targets: [.target(name: "CFuzzer"), .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "ClicktraxCore", package: "Clicktrax")])] + fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "ClicktraxCore", package: "Clicktrax"),
                .product(name: "TerminalUI", package: "Clicktrax"),
                .product(name: "CursesTerminal", package: "Clicktrax"),
            ])
    }
)
