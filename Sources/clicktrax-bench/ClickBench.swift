import ClicktraxCore
import Foundation

/// The clicks figures: importing the feed (whole process, rows/s, peak RSS), reports from the
/// rollups in process, and the same grouping by sqlite3 on the raw rows and by DuckDB (when its
/// Python package is installed) side by side.
struct ClickBench {
    let binary: String
    let catalog: String
    let workFolder: String
    let rows: Int

    var feed: String { workFolder + "/clicks-\(rows).csv" }

    /// The feed, generated from the catalog's trackers the first time.
    func prepareFeed(store: SQLiteStore) throws {
        print("")
        try ClickFeedFile.prepare(path: feed, rows: rows, store: store)
    }

    /// Run with the catalog closed (so its file is whole, to be copied).
    func run() throws {
        let feedBytes = (try FileManager.default.attributesOfItem(atPath: feed)[.size] as? Int) ?? 0
        let database = workFolder + "/clicks-\(rows).sqlite"
        let importCommand = [binary, "--database", database, "clicks", "import", feed]
        // Three imports, each into a fresh copy of the catalog written out first (sync), so no run
        // pays for the copy's writeback: this disk's speed moves ±15 % from run to run.
        var rates: [Double] = []
        for _ in 0..<Self.importRuns {
            try freshCopy(of: catalog, to: database)
            let imported = try Spawned.run(importCommand)
            guard imported.status == 0 else { throw BenchFailure("clicktrax clicks import exited with \(imported.status)") }
            rates.append(Double(rows) / imported.seconds)
        }
        // Again with GNU time for the peak (the same work, counted once).
        try freshCopy(of: catalog, to: database)
        let peak = try Spawned.peakKilobytes(importCommand, workFolder: workFolder)
        let median = rates.sorted()[rates.count / 2]
        print("Clicks import of \(Format.count(rows)) feed rows (\(feedBytes >> 20) MB CSV, whole process, \(rates.count) runs):")
        print("  clicktrax clicks import       \(rates.map { Format.count(Int($0)) }.joined(separator: " / ")) rows/s"
              + " (\(Format.seconds(Double(rows) / median)) the median run) · peak RSS \(Format.megabytes(kilobytes: peak))")
        print("  target ≥ 500,000 rows/s (every run): \(Format.verdict(rates.allSatisfy { $0 >= 500_000 }))"
              + " · peak RSS ≤ 300 MB: \(Format.verdict((peak ?? 0) <= 300 * 1024))")

        try reports(database: database)
        let cli = try Spawned.run([binary, "--database", database, "report", "--by", "tracker", "--format", "csv"],
                                  stdout: workFolder + "/report.csv")
        print("  clicktrax report --by tracker --format csv (whole process, 100,000 rows written): \(Format.ms(cli.seconds * 1000))")

        try compare(database: database, feed: feed)
        try ui(database: database)
    }

    static let importRuns = 3

    private func freshCopy(of catalog: String, to database: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try FileManager.default.copyItem(atPath: catalog, toPath: database)
        sync()
    }

    /// The database the last full run imported into, for `--only-reports`.
    var importedDatabase: String { workFolder + "/clicks-\(rows).sqlite" }

    /// Every report of docs/INVEST.md's table, 5 runs each, in process.
    func reports(database: String) throws {
        let clicks = try SQLiteStore.open(path: database)
        let reports: [(String, [ClickDimension])] = [
            ("by tracker", [.tracker]), ("by line item", [.lineItem]), ("by publisher", [.publisher]),
            ("by placement", [.placement]), ("by site domain", [.siteDomain]), ("by day", [.day]), ("by hour", [.hour]),
            ("by publisher, day", [.publisher, .day]), ("by tracker, day", [.tracker, .day]),
        ]
        print("Reports over the 30 days (in process, from the rollups; 5 runs each):")
        var worst = 0.0
        for (label, dimensions) in reports {
            var samples: [Double] = []
            var rowCount = 0
            for _ in 0..<5 {
                let started = DispatchTime.now()
                let report = try clicks.clickReport(ClickReportQuery(dimensions: dimensions))
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6)
                rowCount = report.rows.count
            }
            let stats = LatencyStats(samples)
            if dimensions.count == 1 { worst = max(worst, stats.median) }
            print("  \(label.padding(toLength: 20, withPad: " ", startingAt: 0)) \(stats.summary) · \(Format.count(rowCount)) rows")
        }
        print("  target ≤ 50 ms (each single grouping, median): \(Format.verdict(worst <= 50))")
    }

    /// The Reports screen's keys, and the Click Trackers screen with its Clicks column against
    /// the same catalog without clicks.
    func ui(database: String, reportsOnly: Bool = false) throws {
        print("The UI in tmux (160×50) on the database with the clicks, timed by its frame log:")
        let session = UISession(binary: binary, database: database, workFolder: workFolder, trackers: 100_000)
        let reports = try session.runReports()
        print("  Reports screen: Alt-2 \(Format.ms(reports.openMilliseconds)) · every key (\(reports.keys.count): moves, 8 sorts of 100,000 rows, filter, regroups) \(reports.keys.summary)")
        print("  target ≤ 16 ms p99: \(Format.verdict(reports.keys.p99 <= 16 && reports.openMilliseconds <= 16)) · peak RSS \(Format.megabytes(kilobytes: reports.peakKilobytes))")
        print("  slowest frames: " + reports.slowest.map { "\($0.event) \(Format.ms($0.ms))" }.joined(separator: " · "))
        print("  report on screen after the key (polled through tmux): " + reports.reportShown.map { "\($0.what) \(Format.ms($0.ms))" }.joined(separator: " · "))
        if reportsOnly { return }
        let withClicks = try session.run()
        let without = try UISession(binary: binary, database: catalog, workFolder: workFolder, trackers: 100_000).run()
        print("  Click Trackers, with the clicks column / the catalog alone:")
        print("    first frame, median of \(withClicks.firstFrames.count) starts \(Format.ms(withClicks.firstFrames.median)) / \(Format.ms(without.firstFrames.median))")
        print("    scrolling \(Format.count(withClicks.pagesScrolled)) × PgDn: \(withClicks.scroll.summary) / \(without.scroll.summary)")
        print("    peak RSS \(Format.megabytes(kilobytes: withClicks.peakKilobytes)) / \(Format.megabytes(kilobytes: without.peakKilobytes))")
    }

    /// The same grouping (clicks, cost, first and last per tracker over the 30 days) by sqlite3
    /// on the raw rows, and by DuckDB on the CSV loaded into its own table.
    private func compare(database: String, feed: String) throws {
        print("Side by side, clicks per tracker over the 30 days:")
        guard let sqlite3 = ProcessComparison.which("sqlite3") else {
            print("  sqlite3 not installed (apt-get install -y sqlite3): no comparison")
            return
        }
        let start = ClickFeedFile.end - ClickFeedFile.days * ClickTime.day
        let grouping = """
            SELECT s.tracker_id, count(*), sum(c.media_cost_billionths) / 1e9, min(c.at), max(c.at) FROM click c
            JOIN click_source s ON s.id = c.source_id WHERE c.at >= \(start) AND c.at < \(ClickFeedFile.end) GROUP BY s.tracker_id;
            """
        let ours = try clickReportMedian(database: database)
        let raw = try Spawned.run([sqlite3, database, grouping])
        print("  clicktrax report (rollups)         \(Format.ms(ours))")
        print("  sqlite3, the raw rows              \(Format.ms(raw.seconds * 1000)) (\(String(format: "%.0f", raw.seconds * 1000 / ours))× slower)")
        let flat = workFolder + "/clicks-flat.sqlite"
        try? FileManager.default.removeItem(atPath: flat)
        let load = try Spawned.run([sqlite3, flat, "-cmd", ".mode csv", ".import \(feed) feed"])
        let flatGrouping = try Spawned.run([sqlite3, flat,
            "SELECT tracker_id, count(*), sum(media_buy_cost), min(datetime), max(datetime) FROM feed GROUP BY tracker_id;"])
        print("  sqlite3 .import of the CSV          \(Format.seconds(load.seconds)) (\(Format.count(Int(Double(rows) / load.seconds))) rows/s), then the grouping \(Format.ms(flatGrouping.seconds * 1000))")
        try? FileManager.default.removeItem(atPath: flat)
        let script = """
            import duckdb, sys, time
            con = duckdb.connect()
            t = time.time(); con.execute("CREATE TABLE feed AS SELECT * FROM read_csv_auto('\(feed)')"); load = time.time() - t
            t = time.time(); con.execute("SELECT tracker_id, count(*), sum(media_buy_cost), min(datetime), max(datetime) FROM feed GROUP BY tracker_id").fetchall(); q = time.time() - t
            print("%.3f %.3f" % (load, q))
            """
        let out = workFolder + "/duckdb.txt"
        let duck = try Spawned.run(["python3", "-c", script], stdout: out)
        if duck.status == 0, let text = try? String(contentsOfFile: out, encoding: .utf8) {
            let parts = text.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if parts.count == 2 {
                print("  DuckDB (Python), CSV into a table   \(Format.seconds(parts[0])) (\(Format.count(Int(Double(rows) / parts[0]))) rows/s), then the grouping \(Format.ms(parts[1] * 1000)) (\(String(format: "%.1f", parts[1] * 1000 / ours))× clicktrax's report)")
            }
        } else {
            print("  DuckDB not installed (pip install duckdb): no comparison")
        }
    }

    private func clickReportMedian(database: String) throws -> Double {
        let store = try SQLiteStore.open(path: database)
        var samples: [Double] = []
        for _ in 0..<5 {
            let started = DispatchTime.now()
            _ = try store.clickReport(ClickReportQuery(dimensions: [.tracker]))
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6)
        }
        return LatencyStats(samples).median
    }
}
