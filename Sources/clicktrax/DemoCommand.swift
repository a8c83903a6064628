import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax demo`: fills the database with a believable catalog to try Clicktrax on.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the database with a realistic demo catalog (deterministic under --seed).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many line items (up to 1,000,000 and more, for benchmarks).")
    var lineItems: Int = 300

    @Option(help: "How many click trackers.")
    var trackers: Int = 25

    @Option(help: "How many impression trackers.")
    var impTrackers: Int = 10

    @Option(help: "The seed: the same seed makes the same catalog.")
    var seed: UInt64 = 1

    @Flag(help: "Erase what the database holds first (otherwise a non-empty database is refused).")
    var replace = false

    func validate() throws {
        guard lineItems >= 1 else { throw ValidationError("--line-items must be at least 1 (got \(lineItems))") }
        guard trackers >= 0 else { throw ValidationError("--trackers must be 0 or more (got \(trackers))") }
        guard impTrackers >= 0 else { throw ValidationError("--imp-trackers must be 0 or more (got \(impTrackers))") }
    }

    func run() throws {
        let store = try global.openStore()
        let counts = try store.counts()
        if !counts.isEmpty && !replace {
            throw ClicktraxError.badInput(
                "\(global.databasePath) already holds \(counts.trackers) trackers and \(counts.lineItems) line items; "
                    + "add --replace to erase them and load the demo catalog")
        }
        let started = Date()
        let showProgress = isatty(STDERR_FILENO) == 1
        var summary = DemoCatalog.Summary()
        try store.load(bulk: lineItems >= 10_000) { loader in
            var demo = DemoCatalog(lineItemCount: lineItems, trackerCount: trackers, seed: seed)
            demo.impressionTrackerCount = impTrackers
            if replace {
                let marks = try loader.eraseAll()
                demo.firstTracker = max(DemoCatalog.firstTrackerId, (marks[.click] ?? 0) + 1)
                demo.firstImpressionTracker = max(DemoCatalog.firstImpressionTrackerId, (marks[.impression] ?? 0) + 1)
            }
            summary = try demo.fill(loader) { done in
                if showProgress { StandardError.write("\r\(done) of \(lineItems) line items…") }
            }
        }
        if showProgress && lineItems >= 50_000 { StandardError.write("\r\u{1B}[K") }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        try ObjectPrinter.line("""
            Loaded the demo catalog into \(global.databasePath) in \(seconds) s: \(summary.advertisers) advertisers, \
            \(summary.lineItems) line items, \(summary.publishers) publishers, \(summary.placements) placements, \
            \(summary.paymentRules) payment rules, \(summary.trackers) click trackers, \(summary.impressionTrackers) impression trackers.
            """)
    }
}
