import ClicktraxCore
import Foundation
import Testing

/// `clicktrax clicks import`, `clicktrax report` and `clicktrax invest pull-clicks` as an
/// operator runs them: totals checked against the feed itself, each bad input named.
@Suite struct ClicksCommandTests {
    static let header = "datetime,auction_id,tracker_id,line_item_id,publisher_id,tag_id,site_domain,media_buy_cost"

    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        return cli
    }

    func write(_ cli: CLIRunner, _ name: String, _ lines: [String], crlf: Bool = true) throws -> String {
        let path = cli.home.appendingPathComponent(name).path
        try (lines.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n")).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A generated feed over three days: `rows` clicks on five demo trackers and an unknown one.
    func feed(rows: Int, seed: UInt64 = 1, auctions: Bool = true) -> (lines: [String], clicks: [Int64: Int], cost: [Int64: Int64]) {
        var random = SeededRandom(seed: seed)
        var lines = [auctions ? Self.header : "datetime,tracker_id,site_domain,media_buy_cost"]
        var clicks: [Int64: Int] = [:], cost: [Int64: Int64] = [:]
        let start = ClickTime.parse("2026-11-27")!
        for index in 0..<rows {
            let tracker: Int64 = index % 7 == 6 ? 999_999 : 21_378 + Int64(random.next() % 5)
            let at = start + Int64(index) * (3 * ClickTime.day) / Int64(rows)
            let micros = Int64(random.next() % 900_000)
            let costText = "0.\(String(format: "%06d", micros))"
            clicks[tracker, default: 0] += 1
            cost[tracker, default: 0] += micros * 1_000
            let domain = "site\(random.next() % 3).example"
            lines.append(auctions
                ? "\(ClickTime.format(at)),\(random.next() >> 2 + 1),\(tracker),0,0,0,\(domain),\(costText)"
                : "\(ClickTime.format(at)),\(tracker),\(domain),\(costText)")
        }
        return (lines, clicks, cost)
    }

    func report(_ cli: CLIRunner, _ arguments: [String]) throws -> [String: Any] {
        let run = try cli.run(["report", "--format", "json", "--from", "2026-11-01", "--to", "2026-11-30"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let top = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return (top?["response"] as? [String: Any])?["report"] as? [String: Any] ?? [:]
    }

    @Test func importedClicksAddUpPerTrackerAndDayAndImportingAgainCountsOnce() throws {
        let cli = try demo()
        let (lines, clicks, cost) = feed(rows: 3_000)
        let path = try write(cli, "feed.csv", lines)
        let imported = try cli.run(["clicks", "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3,000 clicks added from 3,000 rows"))
        #expect(imported.stdout.contains("not in this database, kept: 999999"))

        let again = try cli.run(["clicks", "import", path])
        #expect(again.stdout.contains("0 clicks added"), "\(again.stdout)")
        #expect(again.stdout.contains("3,000 already there"))

        let byTracker = try report(cli, ["--by", "tracker"])
        let rows = byTracker["rows"] as? [[String: Any]] ?? []
        #expect(rows.count == clicks.count)
        for row in rows {
            let id = (row["tracker_id"] as? NSNumber)?.int64Value ?? 0
            #expect(row["clicks"] as? Int == clicks[id], "tracker \(id)")
            let reported = try ClickCost.parse("\(row["media_cost"] ?? "")")
            #expect(reported == cost[id], "cost of tracker \(id)")
        }
        #expect(byTracker["clicks"] as? Int == 3_000)
        #expect(rows.first { ($0["tracker_id"] as? NSNumber)?.int64Value == 21378 }?["tracker_name"] as? String == "CLIK TRAX")

        let byDay = try report(cli, ["--by", "day"])
        let days = (byDay["rows"] as? [[String: Any]] ?? []).compactMap { $0["day"] as? String }
        #expect(days == ["2026-11-27", "2026-11-28", "2026-11-29"])
        let nested = try report(cli, ["--by", "publisher", "--by", "hour", "--tracker", "21378,21379"])
        let nestedClicks = (nested["rows"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["clicks"] as? Int ?? 0) }
        #expect(nestedClicks == (clicks[21378] ?? 0) + (clicks[21379] ?? 0))
    }

    @Test func aFileWithoutAuctionIdsReplacesItsWindowInsteadOfDoubling() throws {
        let cli = try demo()
        let first = feed(rows: 500, seed: 3, auctions: false)
        let path = try write(cli, "noauction.csv", first.lines, crlf: false)
        #expect(try cli.run(["clicks", "import", path]).status == 0)
        let again = try cli.run(["clicks", "import", path])
        #expect(again.stdout.contains("500 clicks of an earlier import replaced"), "\(again.stdout)")
        #expect(try report(cli, [])["clicks"] as? Int == 500)
        // A smaller file for the same window: it is what the window holds now.
        let smaller = Array(first.lines.prefix(101)) + [first.lines.last!]
        #expect(try cli.run(["clicks", "import", try write(cli, "smaller.csv", smaller)]).status == 0)
        #expect(try report(cli, [])["clicks"] as? Int == 101)
    }

    @Test func badFeedFilesAreRefusedNamingFileAndLineAndNothingIsWritten() throws {
        let cli = try demo()
        let good = try write(cli, "good.csv", [Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,a.example,0.5"])
        let cases: [(lines: [String], expected: String)] = [
            (["tracker_id,media_buy_cost", "21378,1"], "no time column"),
            (["datetime,media_buy_cost", "2026-11-28 10:00:00,1"], "no tracker_id column"),
            (["datetime,tracker_id,trackerid", "2026-11-28 10:00:00,1,2"], "unknown column “trackerid” (did you mean “tracker_id”?)"),
            ([Self.header, "2026-11-31 10:00:00,1,21378,0,0,0,a.example,0.5"], "line 2: datetime: “2026-11-31 10:00:00” is not a time"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,a.example,-0.5"], "line 2: media_buy_cost: “-0.5” is negative"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,a.example,lots"], "line 2: media_buy_cost: “lots” is not a number"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,\"a\u{1B}[31mred\",0.5"], "line 2: site_domain: holds U+001B"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,evil\u{202E}moc.example,0.5"], "line 2: site_domain: holds U+202E"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,\(String(repeating: "x", count: 10_000)),0.5"], "line 2: site_domain: 10000 bytes"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0"], "line 2: 5 fields where the header has 8 (is the file cut off?)"),
            ([Self.header, "2026-11-28 10:00:00,1,21378,0,0,0,\"a.example,0.5"], "line 2: a quoted field is never closed"),
            ([Self.header, "2026-11-28 10:00:00,1,0,0,0,0,a.example,0.5"], "line 2: tracker_id: “0” is not an id"),
        ]
        for (index, item) in cases.enumerated() {
            let bad = try write(cli, "bad\(index).csv", item.lines)
            let run = try cli.run(["clicks", "import", good, bad])
            #expect(run.status == 2, "\(item.expected): \(run.stdout)")
            #expect(run.stderr.contains("bad\(index).csv: \(item.expected.hasPrefix("line") ? "" : "line 1: ")\(item.expected)"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was written"))
            #expect(!run.stderr.contains("\u{1B}[31m") && !run.stderr.contains("\u{202E}"), "a hostile value echoed raw")
            #expect(run.stderr.count < 4_000, "a 10 KB field echoed whole")
        }
        // All or nothing: the good file of every refused run left no click behind.
        #expect(try cli.run(["report"]).stdout.contains("No clicks in this database"))
    }

    @Test func aTableReportFlagsATrackerThatStoppedAndCSVHasTheFeedsNames() throws {
        let cli = try demo()
        var lines = [Self.header]
        for hour in 0..<72 {
            let at = ClickTime.parse("2026-11-27")! + Int64(hour) * ClickTime.hour
            lines.append("\(ClickTime.format(at)),\(hour + 1),21378,0,0,0,a.example,0.10")
            if hour < 30 { lines.append("\(ClickTime.format(at + 60)),\(hour + 1000),21379,0,0,0,b.example,0.20") }
        }
        #expect(try cli.run(["clicks", "import", try write(cli, "stop.csv", lines)]).status == 0)
        let table = try cli.run(["report", "--by", "tracker"])
        let stopped = table.stdout.split(separator: "\n").filter { $0.contains("stopped") && !$0.hasPrefix("Total") }
        #expect(stopped.count == 1 && stopped[0].contains("21379"), "\(table.stdout)")
        let csv = try cli.run(["report", "--by", "site-domain", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("site_domain,clicks,media_cost,first_click,last_click\r\n"))
        #expect(csv.stdout.contains("a.example,72,7.20,2026-11-27 00:00:00,2026-11-29 23:00:00"))
        // Streamed row by row, the CSV is the report's whole document, byte for byte.
        let nested = try cli.run(["report", "--by", "tracker", "--by", "hour", "--format", "csv"])
        let report = try SQLiteStore.open(path: cli.database).clickReport(ClickReportQuery(dimensions: [.tracker, .hour]))
        #expect(report.rows.count == 102 && nested.stdout == ClickReportDocument(report).csv)
        #expect(try cli.run(["report", "--by", "colour"]).status == 2)
        #expect(try cli.run(["report", "--from", "2026-11-30", "--to", "2026-11-01"]).stderr.contains("is after --to"))
    }

    // MARK: invest pull-clicks

    func connected() throws -> (CLIRunner, InvestStandIn, [String: String]) {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        try invest.seedExample()
        let environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]
        #expect(try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username], environment: environment).status == 0)
        #expect(try cli.run(["invest", "pull"], environment: environment).status == 0)
        return (cli, invest, environment)
    }

    static func day(_ offset: Int64) -> String {
        ClickTime.formatDay(Int64(Date().timeIntervalSince1970) + offset * ClickTime.day)
    }

    @Test func pullClicksRequestsOneReportPerDayPollsImportsAndReplacesAWindowPulledAgain() throws {
        let (cli, invest, environment) = try connected()
        try invest.control("clicks", ["generate": ["per_hour": 2, "seed": 5]])
        try invest.control("report-mode", ["pending_polls": 2, "stacked": true])
        let from = Self.day(-3), to = Self.day(-2)
        let pulled = try cli.run(["invest", "pull-clicks", "--from", from, "--to", to], environment: environment)
        #expect(pulled.status == 0, "\(pulled.stderr)")
        let posts = try invest.log().filter { $0["service"] as? String == "report" && $0["method"] as? String == "POST" }
        #expect(posts.count == 2, "one report per 24 hours")
        // Requested side by side, in no set order: the first day's is among them.
        let reports = posts.compactMap { ($0["body"] as? [String: Any])?["report"] as? [String: Any] }
        let report = reports.first { $0["start_date"] as? String == "\(from) 00:00:00" }
        #expect(report?["report_type"] as? String == "clicktrackers", "\(reports)")
        #expect(report?["timezone"] as? String == "UTC")
        #expect(try invest.log().filter { $0["service"] as? String == "report" && $0["method"] as? String == "GET" }.count >= 6,
                "polled until ready")

        // The stand-in's feed, counted on its side for the same two days.
        let first = try self.report(cli, ["--by", "tracker", "--from", from, "--to", to])
        let total = first["clicks"] as? Int ?? 0
        let counted = try invest.control("feed-totals", ["from": ClickTime.parse(from)!, "to": ClickTime.parse(to)! + ClickTime.day])
        #expect(total > 0 && total == counted["clicks"] as? Int, "\(total) vs \(counted)")
        #expect(try ClickCost.parse("\(first["media_cost"] ?? "")") == (try ClickCost.parse(counted["cost"] as? String ?? "")))
        let again = try cli.run(["invest", "pull-clicks", "--from", from, "--to", to], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("replaced") || again.stdout.contains("clicks"), "\(again.stderr)")
        #expect(try self.report(cli, ["--from", from, "--to", to])["clicks"] as? Int == total, "a window pulled again is not doubled")
    }

    @Test func pullClicksRefusesWhatTheFeedCannotServeAndTimesOutAReportNeverReady() throws {
        let (cli, invest, environment) = try connected()
        let old = try cli.run(["invest", "pull-clicks", "--from", Self.day(-40)], environment: environment)
        #expect(old.status == 2)
        #expect(old.stderr.contains("keeps 30 days") && old.stderr.contains("nothing was requested"), "\(old.stderr)")
        let future = try cli.run(["invest", "pull-clicks", "--from", Self.day(2)], environment: environment)
        #expect(future.stderr.contains("in the future"), "\(future.stderr)")
        #expect(try invest.log().allSatisfy { $0["service"] as? String != "report" }, "nothing requested")

        try invest.control("report-mode", ["never_ready": true])
        let started = Date()
        let stuck = try cli.run(["invest", "pull-clicks", "--from", Self.day(-1), "--to", Self.day(-1), "--timeout", "3"], environment: environment)
        #expect(stuck.status == 1)
        #expect(stuck.stderr.contains("still not ready after"), "\(stuck.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)

        try invest.control("report-mode", ["fail": true])
        let failed = try cli.run(["invest", "pull-clicks", "--from", Self.day(-1), "--to", Self.day(-1)], environment: environment)
        #expect(failed.stderr.contains("could not make the clicks report"), "\(failed.stderr)")
    }
}
