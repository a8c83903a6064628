import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax import FILE…`: Invest API response pages (JSON) or CSV, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import Invest API response pages (JSON) or CSV files, all or nothing.",
        discussion: """
            Every kind: advertisers, line-items, publishers, placements, payment-rules, clicktrackers (the kind is read \
            from the envelope, or from a CSV header; --kind where it cannot be). Objects are upserted by id; references \
            are checked against the database and the other files, whatever their order. One transaction for all files: \
            any problem and nothing is written. CSV columns are the API's field names, as `--format csv` writes them; a \
            tracker row without an id is created.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The files: API pages (.json) or CSV (.csv).")
    var files: [String] = []

    @Option(help: "The publisher of payment rules whose JSON names none (the API scopes them by query string).")
    var publisher: Int64?

    @Option(help: "What a CSV file holds when its header does not say: advertiser, line-item, publisher, placement, payment-rule, clicktracker.")
    var kind: ImportKindArgument?

    @Flag(help: "Check everything and say what would change, writing nothing.")
    var dryRun = false

    func run() throws {
        guard !files.isEmpty else { throw ClicktraxError.badInput("import: name at least one file") }
        let store = try global.openStore()
        let showProgress = isatty(STDERR_FILENO) == 1
        let importer = Importer(publisherForPaymentRules: publisher, csvKind: kind?.kind)
        let summary: ImportSummary
        do {
            summary = try importer.run(files, into: store, dryRun: dryRun) { done, total, records in
                if showProgress {
                    StandardError.write("\r\(Self.bar(done, total)) \(done)/\(total) files · \(records) records")
                }
            }
            if showProgress { StandardError.write("\r\u{1B}[K") }
        } catch let failure as ImportFailure {
            if showProgress { StandardError.write("\r\u{1B}[K") }
            throw ClicktraxError.badInput(failure.description)
        }
        let verb = dryRun ? "Dry run, nothing written — would import" : "Imported"
        try ObjectPrinter.write("\(verb) \(summary.files) file\(summary.files == 1 ? "" : "s"):\n")
        for line in summary.lines { try ObjectPrinter.write("  \(line)\n") }
        if summary.lines.isEmpty { try ObjectPrinter.write("  nothing: the files hold no objects\n") }
    }

    static func bar(_ done: Int, _ total: Int) -> String {
        let width = 30
        let filled = total == 0 ? width : width * done / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "]"
    }
}

/// `--kind line-item` (singular or plural, as the envelope keys).
struct ImportKindArgument: ExpressibleByArgument {
    var kind: ObjectKind

    init?(argument: String) {
        let name = argument.lowercased()
        guard let kind = ObjectKind.allCases.first(where: { $0.singularKey == name || $0.pluralKey == name }) else { return nil }
        self.kind = kind
    }

    static var allValueStrings: [String] { ObjectKind.allCases.map(\.singularKey) }
}
