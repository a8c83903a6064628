import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax-bench`: the figures of docs/PERFORMANCE.md, on a generated catalog.
/// Build it in release (`swift build -c release`), then `.build/release/clicktrax-bench`.
@main
struct ClicktraxBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clicktrax-bench",
        abstract: "Measure search, start-up, scrolling, export and memory on a large generated catalog.")

    @Option(help: "Where the benchmark keeps its catalog and files (reused between runs).")
    var workFolder = ".build/bench"

    @Option(help: "Line items in the generated catalog.")
    var lineItems = 1_000_000

    @Option(help: "Click trackers in the generated catalog.")
    var trackers = 100_000

    @Option(help: "Impression trackers in the generated catalog (the Impression Trackers screen's figures).")
    var impTrackers = 100_000

    @Option(help: "Trackers in the export measured.")
    var exportCount = 10_000

    @Option(help: "The clicktrax binary (default: the one built beside this benchmark).")
    var binary: String?

    @Flag(help: "Skip the UI in tmux.")
    var skipUI = false

    @Flag(help: "Only the UI in tmux (the catalog must exist).")
    var onlyUI = false

    @Flag(help: "Only the clicks: import of the feed, reports, sqlite3 and DuckDB side by side.")
    var onlyClicks = false

    @Flag(help: "Only the reports and the Reports screen, on the database a previous --only-clicks run imported into.")
    var onlyReports = false

    @Flag(help: "Only the listings (line-items and trackers list in every format) beside sqlite3 -csv (the catalog must exist).")
    var onlyListings = false

    @Flag(help: "Only the Click Trackers filter in process, key by key (the catalog must exist).")
    var onlyFilter = false

    @Option(help: "Clicks in the generated feed.")
    var clicks = 10_000_000

    func run() throws {
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        // Absolute: the UI runs in tmux, whose idea of the current folder may differ.
        let workFolder = URL(fileURLWithPath: self.workFolder).standardizedFileURL.path
        let binary = self.binary ?? (Self.ownFolder() + "/clicktrax")
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchFailure("no clicktrax binary at \(binary): swift build -c release first") }
        let database = workFolder + "/catalog-\(lineItems)-\(trackers).sqlite"
        print("Clicktrax benchmark · \(ProcessInfo.processInfo.activeProcessorCount) cores · \(Self.build)")
        print(String(repeating: "─", count: 78))

        if onlyFilter {
            print("Filter, in process, key by key: " + (try FilterSteps.run(database: database)).map { "“\($0.query)” \(Format.ms($0.ms)) (\($0.shown.grouped))" }.joined(separator: " · "))
            return
        }

        if onlyListings {
            try ListingBench(binary: binary, database: database, workFolder: workFolder).run()
            return
        }

        if onlyReports {
            let bench = ClickBench(binary: binary, catalog: database, workFolder: workFolder, rows: clicks)
            guard FileManager.default.fileExists(atPath: bench.importedDatabase) else {
                throw BenchFailure("no \(bench.importedDatabase): run scripts/bench-clicks once first")
            }
            try bench.reports(database: bench.importedDatabase)
            if !skipUI { try bench.ui(database: bench.importedDatabase, reportsOnly: true) }
            return
        }
        var store: SQLiteStore? = try BenchCatalog.prepare(path: database, lineItems: lineItems, trackers: trackers, impressionTrackers: impTrackers)
        if onlyClicks {
            let bench = ClickBench(binary: binary, catalog: database, workFolder: workFolder, rows: clicks)
            try bench.prepareFeed(store: store!)
            store = nil
            return try bench.run()
        }
        if onlyUI {
            store = nil
        // Closing checkpointed the rebuild's writes into the file; let the kernel write them out
        // now, so the typing below measures searching, not the disk flushing the benchmark's own
        // rebuild (in real use the index is rebuilt after an import, not just before typing).
        sync()
        Thread.sleep(forTimeInterval: 1)
            return try runUI(binary: binary, database: database, workFolder: workFolder)
        }
        PeakMemory.reset()
        var started = Date()
        try store!.rebuildSearchIndex()
        print("index build  \(Format.seconds(Date().timeIntervalSince(started))) for \(Format.count(lineItems)) names (once per catalog change) · peak RSS \(Format.megabytes(kilobytes: PeakMemory.kilobytes()))")
        store = nil

        // A fresh process's view: open, load the index as the UI does at start, then type.
        PeakMemory.reset()
        let fresh = try SQLiteStore.open(path: database)
        started = Date()
        try fresh.prepareSearch()
        print("index load   \(Format.ms(Date().timeIntervalSince(started) * 1000)) (the UI does it in the background at start)")
        // Twice: the first pass meets pages not yet in the page cache, as a session's first
        // searches do; the second is every search after. The targets are judged on both.
        let cold = try TypingReplay.run(store: fresh)
        let typing = try TypingReplay.run(store: fresh)
        print("")
        print("Line item search, typed a letter at a time (top \(TypingReplay.limit), in process), second pass:")
        for query in typing.perQuery {
            let label = "“\(query.query)”" + String(repeating: " ", count: max(1, 28 - Format.columns(query.query)))
            print("  \(label) \(query.stats.summary) · \(query.found) found\(query.fuzzy ? " (fuzzy)" : "")")
        }
        for (pass, result) in [("first pass (cold)", cold), ("second pass", typing)] {
            print("  \(pass): all keystrokes \(result.all.summary)")
            print("    slowest: " + result.slowest.map { "“\($0.typed)” \(Format.ms($0.ms))" }.joined(separator: ", "))
        }
        let median = max(cold.all.median, typing.all.median), p99 = max(cold.all.p99, typing.all.p99)
        print("  target median ≤ 5 ms: \(Format.verdict(median <= 5)) · p99 ≤ 16 ms: \(Format.verdict(p99 <= 16)) · peak RSS \(Format.megabytes(kilobytes: PeakMemory.kilobytes()))")

        print("")
        let query = "wonka holiday jp"
        let comparison = try ProcessComparison.run(binary: binary, database: database, store: fresh, query: query, workFolder: workFolder)
        print("Whole process, “\(query)”:")
        print("  clicktrax line-items search   \(comparison.clicktrax.summary) · peak RSS \(Format.megabytes(kilobytes: comparison.clicktraxPeakKilobytes))")
        if let fzf = comparison.fzf {
            let ratio = fzf.median / comparison.clicktrax.median
            print("  fzf --filter (names file)     \(fzf.summary) · peak RSS \(Format.megabytes(kilobytes: comparison.fzfPeakKilobytes))")
            print("  clicktrax is \(String(format: "%.0f", ratio))× faster · target ≥ 20×: \(Format.verdict(ratio >= 20))")
        } else {
            print("  fzf not installed (apt-get install -y fzf): no comparison")
        }

        print("")
        try measureExport(.click, binary: binary, database: database, store: fresh, workFolder: workFolder)
        if impTrackers > 0 { try measureExport(.impression, binary: binary, database: database, store: fresh, workFolder: workFolder) }
        try ListingBench(binary: binary, database: database, workFolder: workFolder).run()

        guard !skipUI else { return }
        try runUI(binary: binary, database: database, workFolder: workFolder)
    }

    func runUI(binary: String, database: String, workFolder: String) throws {
        print("")
        print("Start-up steps, in process: " + (try StartupSteps.run(database: database)).map { "\($0.step) \(Format.ms($0.ms))" }.joined(separator: " · "))
        print("Filter, in process, key by key: " + (try FilterSteps.run(database: database)).map { "“\($0.query)” \(Format.ms($0.ms)) (\($0.shown.grouped))" }.joined(separator: " · "))
        let ui = try UISession(binary: binary, database: database, workFolder: workFolder, trackers: trackers).run()
        print("The UI in tmux (160×50), timed by its frame log:")
        report(ui, firstFrame: "first frame after start    ")
        guard impTrackers > 0 else { return }
        // The same session on the Impression Trackers screen (Alt-3 right after each start).
        let imp = try UISession(binary: binary, database: database, workFolder: workFolder, trackers: impTrackers, screenKeys: ["M-3"]).run()
        print("The Impression Trackers screen (Alt-3, \(Format.count(impTrackers)) impression trackers), the same way:")
        report(imp, firstFrame: "its first frame after Alt-3")
    }

    /// A UI session's figures, each beside its target.
    func report(_ ui: UISession.Result, firstFrame: String) {
        print("  \(firstFrame)   \(ui.firstFrames.summary) · target median ≤ 40 ms: \(Format.verdict(ui.firstFrames.median <= 40))")
        print("  scrolling, \(Format.count(ui.pagesScrolled)) × PgDn          \(ui.scroll.summary)")
        print("  filter typed (“wonka jx⌫p⌫⌫⌫hol” ×3) \(ui.filterTyping.summary) · target p99 ≤ 8 ms: \(Format.verdict(ui.filterTyping.p99 <= 8))")
        print("    slowest: " + ui.filterSlowest.map { "\($0.event) \(Format.ms($0.ms))" }.joined(separator: ", "))
        print("  line item picker (“holiday jp”) \(ui.pickerTyping.summary)")
        print("  peak RSS of the UI            \(Format.megabytes(kilobytes: ui.peakKilobytes)) · target ≤ 150 MB: \(Format.verdict(ui.peakKilobytes <= 150 * 1024))")
    }

    /// `export` (click trackers) or `imptrackers export` of the first `exportCount` trackers of
    /// the kind, whole process with --output: three runs and the peak RSS.
    func measureExport(_ kind: TrackerKind, binary: String, database: String, store: SQLiteStore, workFolder: String) throws {
        let ids = try store.scoped(to: kind).trackerIDs(TrackerQuery()).prefix(exportCount).map(String.init).joined(separator: "\n")
        let stem = kind == .click ? "export" : "export-imp"
        let idsFile = workFolder + "/\(stem)-ids.txt"
        try Data(ids.utf8).write(to: URL(fileURLWithPath: idsFile))
        let subcommand = kind == .click ? ["export"] : ["imptrackers", "export"]
        let command = [binary, "--database", database] + subcommand + ["-", "--output", workFolder + "/\(stem).html"]
        var runs: [Double] = []
        for _ in 0..<3 {
            let run = try Spawned.run(command, stdin: idsFile)
            guard run.status == 0 else { throw BenchFailure("clicktrax \(subcommand.joined(separator: " ")) exited with \(run.status)") }
            runs.append(run.seconds * 1000)
        }
        let peak = try Spawned.peakKilobytes(command, stdin: idsFile, workFolder: workFolder)
        let export = LatencyStats(runs)
        print("Export of \(Format.count(exportCount)) \(kind == .click ? "trackers" : kind.plural) (whole process, --output): "
              + "\(export.summary) · peak RSS \(Format.megabytes(kilobytes: peak)) · target ≤ 1 s: \(Format.verdict(export.median <= 1000))")
    }

    static var build: String {
        #if DEBUG
        "DEBUG build: figures are not representative; use swift build -c release"
        #else
        "release build"
        #endif
    }

    /// The folder of this executable (`/proc/self/exe`).
    static func ownFolder() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (path as NSString).deletingLastPathComponent
    }
}
