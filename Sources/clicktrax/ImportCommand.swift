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
            any problem and nothing is written. API pages are Invest's data, kept as Invest has them: an object without \
            a usable id is skipped and named, a value the input rules would refuse is counted, not refused. CSV rows are \
            the operator's, held to the input rules where they change something. CSV columns are the API's field names, \
            as `--format csv` writes them; a tracker row without an id is created.
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
        // Invest's pages are kept as Invest has them (RULES.md §10): what could not be kept at all is
        // named, what breaks an input rule is counted.
        if !summary.skipped.isEmpty {
            try ObjectPrinter.say("not kept (\(summary.skipped.count)): objects without a usable id or with a value past 64 KB; the rest were \(dryRun ? "checked" : "imported")")
            for line in summary.skipped.prefix(20) { try ObjectPrinter.say("  \(line)") }
            if summary.skipped.count > 20 { try ObjectPrinter.say("  … and \(summary.skipped.count - 20) more") }
        }
        if !summary.leftEmpty.isEmpty {
            try ObjectPrinter.say("left empty (\(summary.leftEmpty.count)): values that are not of their field's type")
            for line in summary.leftEmpty.prefix(20) { try ObjectPrinter.say("  \(line)") }
            if summary.leftEmpty.count > 20 { try ObjectPrinter.say("  … and \(summary.leftEmpty.count - 20) more") }
        }
        if !summary.legacy.isEmpty {
            try ObjectPrinter.say("kept as Invest has them, though they would not be accepted if typed:")
            for line in summary.legacy.lines { try ObjectPrinter.say("  " + line) }
        }
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
