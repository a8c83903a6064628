import ClicktraxCore
import Foundation
import Testing
import TerminalUI

/// RULES.md §10: a real member's catalog is years of objects typed through many tools. Every legacy
/// value — a tab or an escape sequence in a name, a 307-character name, codes with spaces and
/// accents, state words Invest never documented, numbers sent as numeric strings, dates without
/// a time — on every kind is pulled (and imported from API pages) as Invest has it, shown inert,
/// counted once; an object without a usable id is skipped and named, and the rest goes on.
@Suite struct LegacyCatalogTests {
    static let longName = "Legacy " + String(repeating: "Long Name ", count: 30)  // 307 characters
    static let trackerName = "Tracker\twith a tab " + String(repeating: "x", count: 282)  // 300 characters
    static let escape = "Evil \u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J name"

    /// Invest's objects with every legacy value the issue names, on every kind.
    static var catalog: [String: Any] {
        [
            "advertisers": [["id": 37236, "name": "Acme Corp"],
                            ["id": 37238, "name": "  Padded Advertiser  ", "code": "ADV CODE é", "state": "paused"]],
            "line_items": [["id": 74957, "name": "Test Line Item", "advertiser_id": 37236],
                           ["id": 76064, "name": "Été campaign", "code": "Ê-LEGACY", "advertiser_id": 37236],
                           ["id": 76065, "name": "Tab\tin the name", "code": "HAS SPACE", "advertiser_id": 37236,
                            "line_item_type": "standard v1 (legacy)", "revenue_type": "cpm_old", "state": "pending"],
                           ["id": 76066, "name": longName, "advertiser_id": 37238, "revenue_value": "1.50",
                            "start_date": "2019-03-01", "end_date": "2019-03-31T23:59:59Z", "currency": "dollars"],
                           ["id": 76067, "name": escape, "advertiser_id": 37238]],
            "publishers": [["id": 44449, "name": "November Publisher"],
                           ["id": 44450, "name": "Line\nbreak Publisher", "code": "PUB\tCODE", "state": "suspended"]],
            "placements": [["id": 474412, "name": "[Demo Publisher] - Default", "publisher_id": 44449],
                           ["id": 474413, "name": String(repeating: "Placement name ", count: 10), "publisher_id": 44450,
                            "width": "300", "height": "250", "state": "archived"]],
            "payment_rules": [["id": 900, "name": "Base rule", "publisher_id": 44449, "pricing_type": "revshare", "revshare": 0.5],
                              ["id": 901, "name": "Old rule", "publisher_id": 44450, "pricing_type": "flat_fee", "revshare": 1.2,
                               "priority": 0, "cost_cpm": "2.25"]],
            "clicktrackers": [["id": 1425, "advertiser_id": 37236, "name": "Test Click Tracker", "click_url": "https://test-landing-page.com",
                               "publisher": ["id": 44449], "line_item": ["id": 74957], "tag": NSNull(), "payment_rule": NSNull()],
                              ["id": 1426, "advertiser_id": 37236, "name": trackerName, "code": "HAS SPACE TRK",
                               "click_url": "https://example.com/landing page", "publisher": ["id": 44450], "line_item": ["id": 76065],
                               "tag": ["id": 474413], "payment_rule": ["id": 901]]],
        ]
    }

    struct Setup {
        let cli: CLIRunner
        let invest: InvestStandIn
        let environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]

        @discardableResult
        func run(_ arguments: [String]) throws -> CLIRunner.Result { try cli.run(arguments, environment: environment) }
    }

    func legacyMember() throws -> Setup {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home)
        try invest.seed(Self.catalog)
        let setup = Setup(cli: cli, invest: invest)
        let login = try setup.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username])
        #expect(login.status == 0, "\(login.stderr)")
        return setup
    }

    /// No C0/C1 control or format character on what a terminal shows.
    func expectInert(_ text: String, _ what: String) {
        let bad = text.unicodeScalars.filter {
            ($0.properties.generalCategory == .control && $0 != "\n") || $0.properties.generalCategory == .format
        }
        #expect(bad.isEmpty, "\(what): \(bad.map { String($0.value, radix: 16) })")
    }

    @Test func aLegacyCatalogPullsWholeKeptAsInvestHasItAndCountedOnce() throws {
        let setup = try legacyMember()
        // Numbers as numeric strings everywhere, and objects no table can hold: no id, an id
        // that is no number, an id in the range of trackers made here.
        try setup.invest.control("quirks", ["numbers_as_strings": true])
        try setup.invest.fault(["kind": "inject", "path": "line-item", "times": 1,
                                "objects": [["name": "No Id", "advertiser_id": 37236], ["id": "seventy", "name": "Word Id"],
                                            ["id": 1_000_000_000_001, "name": "Provisional Id"]]])
        let pulled = try setup.run(["invest", "pull"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        expectInert(pulled.stdout, "pull summary")
        #expect(pulled.stdout.contains("not kept (3)"), "\(pulled.stdout)")
        #expect(pulled.stdout.contains("line item (record "), "\(pulled.stdout)")
        #expect(pulled.stdout.contains("line item seventy: id: not a whole number (got “seventy”)"), "\(pulled.stdout)")
        #expect(pulled.stdout.contains("line item 1000000000001: id: 1000000000001 is in the range of ids made here"), "\(pulled.stdout)")
        for line in ["1 advertiser: state not active or inactive", "1 publisher: code with control or format characters",
                     "2 line items: code outside Invest's documented characters", "1 line item: name longer than 255 characters",
                     "2 line items: name with control characters", "1 line item: line_item_type not a word of letters, digits, _ or -",
                     "1 line item: end_date not a date YYYY-MM-DD [HH:MM:SS]", "1 line item: currency not a three-letter currency code",
                     "1 publisher: name with control characters", "1 placement: name longer than 100 characters",
                     "1 payment rule: pricing_type not revshare, cpm or dynamic", "1 payment rule: revshare outside 0 to 1",
                     "1 payment rule: priority outside 1 to 10", "1 tracker: name with control characters",
                     "1 tracker: code outside Invest's documented characters", "1 tracker: click_url not an absolute http(s) URL without spaces"] {
            #expect(pulled.stdout.contains(line), "\(line) — \(pulled.stdout)")
        }

        // Stored exactly: JSON prints values as Invest has them.
        let items = try InvestEnvelope.decode(LineItem.self, from: Data(try setup.run(["line-items", "list", "--format", "json"]).stdout.utf8),
                                              source: "stdout")
        let byId = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        #expect(items.count == 5)
        #expect(byId[76064]?.code == "Ê-LEGACY" && byId[76065]?.name == "Tab\tin the name" && byId[76065]?.code == "HAS SPACE")
        #expect(byId[76065]?.state.rawValue == "pending" && byId[76065]?.lineItemType == "standard v1 (legacy)")
        #expect(byId[76066]?.name == Self.longName && byId[76066]?.revenueValue == 1.5 && byId[76066]?.startDate == "2019-03-01")
        #expect(byId[76066]?.endDate == "2019-03-31T23:59:59Z" && byId[76067]?.name == Self.escape)
        let advertisers = try setup.run(["advertisers", "list", "--format", "json"]).stdout
        #expect(advertisers.contains(#""name" : "  Padded Advertiser  ""#) && advertisers.contains(#""state" : "paused""#), "\(advertisers)")
        let rules = try setup.run(["payment-rules", "list", "--format", "csv"]).stdout
        #expect(rules.contains("901,,Old rule,active,44450,flat_fee,2.25,1.2,0"), "\(rules)")
        let placements = try setup.run(["placements", "list", "--format", "csv"]).stdout
        #expect(placements.contains("474413,,\(String(repeating: "Placement name ", count: 10)),archived,44450,300,250"), "\(placements)")
        let tracker = try InvestEnvelope.decode(Tracker.self, from: Data(try setup.run(["trackers", "show", "1426", "--format", "json"]).stdout.utf8),
                                                source: "stdout")[0]
        #expect(tracker.name == Self.trackerName && tracker.code == "HAS SPACE TRK" && tracker.clickUrl == "https://example.com/landing page")

        // Said once in `invest status` too, and listed by id in its JSON.
        let status = try setup.run(["invest", "status"])
        #expect(status.stdout.contains("2 line items: code outside Invest's documented characters"), "\(status.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try setup.run(["invest", "status", "--format", "json"]).stdout.utf8)) as? [String: Any]
        let groups = json?["legacy_values"] as? [[String: Any]] ?? []
        let codes = groups.first { $0["kind"] as? String == "line-item" && $0["field"] as? String == "code" }
        #expect(codes?["ids"] as? [Int] == [76064, 76065] && codes?["count"] as? Int == 2, "\(groups)")

        // A second pull of the same catalog changes nothing and stops on nothing.
        let again = try setup.run(["invest", "pull"])
        #expect(again.status == 0 && again.stdout.contains("catalog unchanged"), "\(again.stdout) \(again.stderr)")
    }

    @Test func everyScreenOfTheCommandLineShowsThemInertAndAligned() throws {
        let setup = try legacyMember()
        #expect(try setup.run(["invest", "pull"]).status == 0)
        for command in [["trackers", "list"], ["line-items", "list"], ["publishers", "list"], ["placements", "list"],
                        ["payment-rules", "list"], ["advertisers", "list"], ["trackers", "show", "1426"], ["line-items", "search", "tab"]] {
            let shown = try setup.run(command)
            #expect(shown.status == 0, "\(command): \(shown.stderr)")
            expectInert(shown.stdout, command.joined(separator: " "))
            // Columns stay aligned: where the header starts a column, every row has the gap before it.
            let lines = shown.stdout.split(separator: "\n").map(String.init)
            if command.count == 2, let header = lines.first {
                let starts = Self.columnStarts(header)
                for line in lines.dropFirst() {
                    let cells = Self.cells(line)
                    for start in starts where start >= 2 && start <= cells.count {
                        #expect(cells[start - 1] == " " && cells[start - 2] == " ", "\(command): column at \(start) in \(line)")
                    }
                }
            }
        }
        let listed = try setup.run(["line-items", "list"]).stdout
        // A tab is shown as a visible stand-in, not as a space that hides it.
        #expect(listed.contains("Tab␉in the name"), "\(listed)")
        #expect(listed.contains("Evil ␛]52;c;ZXZpbA==␇␛[2J name"), "\(listed)")
    }

    /// A line as the terminal's cells: a wide character takes two (the second a placeholder).
    static func cells(_ line: String) -> [Character] {
        line.flatMap { character in DisplayWidth.of(character) == 2 ? [character, "\u{0}"] : [character] }
    }

    /// Where each column label of a table's header starts, in cells (labels are set apart by two spaces or more).
    static func columnStarts(_ header: String) -> [Int] {
        let cells = Self.cells(header)
        // The first label may be right-aligned (ID): what comes before it is no gap.
        let first = cells.firstIndex { $0 != " " } ?? 0
        return cells.indices.filter { $0 > first && cells[$0] != " " && cells[$0 - 1] == " " && cells[$0 - 2] == " " }
    }

    @Test func aTrackerCarryingLegacyValuesIsEditedExportedAndPushed() throws {
        let setup = try legacyMember()
        #expect(try setup.run(["invest", "pull"]).status == 0)
        // Deactivated, and edited in another field: the name and code Invest holds are not judged.
        let deactivated = try setup.run(["trackers", "deactivate", "1426"])
        #expect(deactivated.status == 0, "\(deactivated.stderr)")
        let edited = try setup.run(["trackers", "update", "1426", "--landing-page-url", "https://example.com/fixed"])
        #expect(edited.status == 0, "\(edited.stderr)")
        // The rule speaks when that field itself is edited.
        let badName = try setup.run(["trackers", "update", "1426", "--name", Self.trackerName + " more"])
        #expect(badName.status == 2 && badName.stderr.contains("Name"), "\(badName.stderr)")
        let badCode = try setup.run(["trackers", "update", "1426", "--code", "STILL SPACED"])
        #expect(badCode.status == 2 && badCode.stderr.contains("Code"), "\(badCode.stderr)")
        // Exported: the name's tab is a space in the comment; the tag is whole.
        let exported = try setup.run(["export", "1426", "--type", "pixel"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("<!-- Click Tracker - Tracker with a tab "), "\(exported.stdout)")
        expectInert(exported.stdout, "export")
        // Pushed: the PUT carries only what changed.
        let pushed = try setup.run(["invest", "push"])
        #expect(pushed.status == 0, "\(pushed.stderr) \(pushed.stdout)")
        let put = try setup.invest.log().last { $0["method"] as? String == "PUT" }
        let body = (put?["body"] as? [String: Any])?["clicktracker"] as? [String: Any]
        #expect(Set(body?.keys.map { $0 } ?? []) == ["state", "click_url"], "\(String(describing: body))")
        let onInvest = try setup.invest.trackers().first { $0["id"] as? Int == 1426 }
        #expect(onInvest?["name"] as? String == Self.trackerName && onInvest?["code"] as? String == "HAS SPACE TRK")
        #expect(try setup.run(["invest", "status"]).stdout.contains("pending: 0"))
    }

    @Test func aJSONListingOfLegacyValuesImportsBackUnchanged() throws {
        let setup = try legacyMember()
        #expect(try setup.run(["invest", "pull"]).status == 0)
        let kinds = [("advertisers", ["advertisers", "list"]), ("publishers", ["publishers", "list"]), ("line-items", ["line-items", "list"]),
                     ("placements", ["placements", "list"]), ("payment-rules", ["payment-rules", "list"]), ("trackers", ["trackers", "list"])]
        var files: [String] = []
        var listings: [String: String] = [:]
        for (name, command) in kinds {
            let listed = try setup.run(command + ["--format", "json"])
            #expect(listed.status == 0, "\(listed.stderr)")
            listings[name] = listed.stdout
            let file = setup.cli.home.appendingPathComponent("\(name).json")
            try Data(listed.stdout.utf8).write(to: file)
            files.append(file.path)
        }
        // Into a fresh, standalone database: every value as it was.
        let fresh = try CLIRunner()
        let imported = try fresh.run(["import"] + files)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("kept as Invest has them"), "\(imported.stdout)")
        for (name, command) in kinds {
            #expect(try fresh.run(command + ["--format", "json"]).stdout == listings[name], "\(name) round trip")
        }
    }

    @Test func anAPIPageOfLegacyValuesImportsWholeSkippingOnlyWhatCannotBeKept() throws {
        let cli = try CLIRunner()
        let page = """
            {"response": {"status": "OK", "count": "4", "start_element": "0", "num_elements": "100", "advertisers": [
              {"id": "37236", "name": "Acme\\tCorp", "code": "A B", "state": "dormant", "unknown_field": {"nested": [1]}},
              {"name": "No id at all"},
              {"id": 9007199254740993, "name": "Past 2^53"},
              {"id": 12, "name": "\(String(repeating: "x", count: InvestValues.maxTextBytes + 1))"}]}}
            """
        let file = cli.home.appendingPathComponent("advertisers.json")
        try Data(page.utf8).write(to: file)
        let imported = try cli.run(["import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("advertisers: 1 created") && imported.stdout.contains("not kept (3)"), "\(imported.stdout)")
        #expect(imported.stdout.contains("advertiser (record 1): id: missing"), "\(imported.stdout)")
        #expect(imported.stdout.contains("advertiser 12: name: 65537 bytes, past the 64 KB a value may hold"), "\(imported.stdout)")
        #expect(imported.stdout.contains("1 advertiser: state not active or inactive"), "\(imported.stdout)")
        let listed = try cli.run(["advertisers", "list", "--format", "csv"]).stdout
        #expect(listed.contains("37236,A B,Acme Corp,dormant"), "CSV cells carry no control character: \(listed)")
        // The operator's own CSV row is held to the input rules where it changes something.
        let csv = cli.home.appendingPathComponent("advertisers.csv")
        try Data("id,name,code,state\n37236,Acme Renamed,A B,dormant\n".utf8).write(to: csv)
        let kept = try cli.run(["import", csv.path])
        #expect(kept.status == 0, "the code and state Invest holds are left as they are: \(kept.stderr)")
        try Data("id,name,code,state\n37236,Acme Renamed,A B,paused\n".utf8).write(to: csv)
        let refused = try cli.run(["import", csv.path])
        #expect(refused.status == 2 && refused.stderr.contains("line 2: state: expected active or inactive (got “paused”)"), "\(refused.stderr)")
    }

    /// Killed with `kill -9` half-way through a pull of a legacy catalog, then run again: the
    /// second run resumes from the staged pages and still says what the first one could not keep.
    @Test func aPullOfALegacyCatalogKilledAndResumedSaysAllOnce() throws {
        let cli = try CLIRunner()
        let invest = try InvestStandIn(folder: cli.home, arguments: ["--line-items", "20000", "--advertisers", "2", "--publishers", "2"])
        try invest.seed(Self.catalog)
        let environment = ["CLICKTRAX_INVEST_PASSWORD": InvestStandIn.password]
        #expect(try cli.run(["invest", "login", "--api", invest.api, "--username", InvestStandIn.username], environment: environment).status == 0)
        // A page early in the first line-item list carries an object without an id (on every
        // fetch, as Invest would); pages are slow, so the pull is killed half-way.
        try invest.control("extra-objects", ["service": "line-item", "scope": 100, "start": 100, "objects": [["name": "No Id"]]])
        try invest.fault(["kind": "delay", "seconds": 0.2, "path": "line-item", "times": 1000])
        var arguments = ["--database", cli.database, "invest", "pull"]
        let child = try InvestCommandTests().spawn(CLIRunner.binary.path, &arguments, environment: cli.environment(environment))
        func pages() throws -> Int { try invest.log().filter { $0["service"] as? String == "line-item" }.count }
        for _ in 0..<600 where try pages() < 60 { usleep(25_000) }
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        #expect(try pages() < 200, "killed before the end")
        try invest.control("faults/clear")
        let again = try cli.run(["invest", "pull"], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("not kept (1)") && again.stdout.contains("line item (record 100): id: missing"), "\(again.stdout)")
        #expect(again.stdout.contains("1 line item: name longer than 255 characters"), "\(again.stdout)")
        let items = try cli.run(["line-items", "list", "--format", "csv"]).stdout
        #expect(items.contains("HAS SPACE") && items.contains("Ê-LEGACY"), "the legacy line items are stored")
        #expect(try cli.run(["check"]).status == 0)
    }
}
