import ClicktraxCore
import Foundation
import Testing

@Suite struct ImportCommandTests {
    /// A demo database and the JSON export of everything in it, one file per kind.
    func exported() throws -> (CLIRunner, [String: URL]) {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        var files: [String: URL] = [:]
        for (name, arguments) in [("advertisers", ["advertisers", "list"]), ("publishers", ["publishers", "list"]),
                                  ("line-items", ["line-items", "list"]), ("placements", ["placements", "list"]),
                                  ("payment-rules", ["payment-rules", "list"]), ("trackers", ["trackers", "list"])] {
            let result = try cli.run(arguments + ["--format", "json"])
            #expect(result.status == 0)
            let url = cli.home.appendingPathComponent("\(name).json")
            try result.stdout.write(to: url, atomically: true, encoding: .utf8)
            files[name] = url
        }
        return (cli, files)
    }

    func write(_ cli: CLIRunner, _ name: String, _ text: String) throws -> String {
        let url = cli.home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func theJsonRoundTripGivesAnIdenticalList() throws {
        let (cli, files) = try exported()
        let target = cli.home.appendingPathComponent("copy.sqlite").path
        // Children first: the order of the files does not matter.
        let paths = ["trackers", "payment-rules", "placements", "line-items", "publishers", "advertisers"].map { files[$0]!.path }
        let imported = try cli.run(["--database", target, "import"] + paths, useDatabase: false)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("clicktrackers: 25 created, 0 updated, 0 unchanged"))
        let original = try cli.run(["trackers", "list", "--format", "json"]).stdout
        let copy = try cli.run(["--database", target, "trackers", "list", "--format", "json"], useDatabase: false).stdout
        #expect(copy == original)
        let again = try cli.run(["--database", target, "import"] + paths, useDatabase: false)
        #expect(again.stdout.contains("line-items: 0 created, 0 updated, 300 unchanged"))
    }

    @Test func theSpecExamplePageImports() throws {
        let cli = try CLIRunner()
        let catalog = try write(cli, "catalog-publishers.json", """
            {"response": {"status": "OK", "count": 1, "start_element": null, "num_elements": null,
              "publisher": {"id": 44449, "name": "November Publisher", "state": "active", "extra": true}}}
            """)
        let items = try write(cli, "items.json", """
            {"response": {"status": "OK", "line-items": [{"id": 74957, "name": "Test Line Item", "code": null}]}}
            """)
        let trackers = try write(cli, "trackers.json", """
            {"response": {"status": "OK", "count": 2, "start_element": 0, "num_elements": 100,
              "clicktrackers": [
                {"id": 1425, "member_id": 958, "advertiser_id": 37236, "name": "Test Click Tracker",
                 "code": null, "state": "active", "click_url": "https://test-landing-page.com",
                 "last_modified": "2012-01-10 16:02:15",
                 "publisher": {"id": 44449, "name": "November Publisher"},
                 "line_item": {"id": 74957, "name": "Test Line Item"},
                 "tag": null, "payment_rule": null}]}}
            """)
        let result = try cli.run(["import", trackers, items, catalog])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try cli.run(["trackers", "show", "1425", "--format", "json"]).stdout
        let tracker = try InvestEnvelope.decode(Tracker.self, from: Data(shown.utf8), source: "x")[0]
        #expect(tracker.name == "Test Click Tracker" && tracker.lastModified == "2012-01-10 16:02:15" && tracker.memberId == 958)
    }

    @Test func csvBothWaysAndTheSpreadsheetRoundTrip() throws {
        let (cli, files) = try exported()
        let target = cli.home.appendingPathComponent("copy.sqlite").path
        let catalog = ["advertisers", "publishers", "line-items", "placements", "payment-rules"].map { files[$0]!.path }
        #expect(try cli.run(["--database", target, "import"] + catalog, useDatabase: false).status == 0)
        let csv = try cli.run(["trackers", "list", "--format", "csv"]).stdout
        let csvFile = try write(cli, "trackers.csv", csv)
        let imported = try cli.run(["--database", target, "import", csvFile], useDatabase: false)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cli.run(["--database", target, "trackers", "list", "--format", "csv"], useDatabase: false).stdout
            .split(whereSeparator: \.isNewline).map { $0.split(separator: ",").prefix(9).joined(separator: ",") }
            == csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").prefix(9).joined(separator: ",") })
        // Edit in a "spreadsheet": rename one row, add one without an id.
        var lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        lines[1] = lines[1].replacingOccurrences(of: "CLIK TRAX", with: "\"CLIK TRAX, renamed\"")
        var added = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        added[0] = ""
        added[1] = "Added in a spreadsheet"
        added[2] = ""
        lines.append(added.joined(separator: ","))
        let edited = try write(cli, "edited.csv", lines.joined(separator: "\r\n") + "\r\n")
        let result = try cli.run(["import", edited])
        #expect(result.stdout.contains("clicktrackers: 1 created, 1 updated, 24 unchanged"), "\(result.stdout)\(result.stderr)")
        #expect(try cli.run(["trackers", "show", "21378"]).stdout.contains("CLIK TRAX, renamed"))
        #expect(try cli.run(["trackers", "list", "--search", "added in a spreadsheet", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 2)
    }

    @Test func aBadRecordInTheLastFileLeavesTheDatabaseExactlyAsBefore() throws {
        let (cli, files) = try exported()
        func dump() throws -> String {
            try ["trackers", "line-items", "publishers", "placements", "payment-rules", "advertisers"].map {
                try cli.run([$0, "list", "--format", "json"]).stdout
            }.joined() + (try cli.run(["trackers", "history", "--limit", "1000"]).stdout)
        }
        let before = try dump()
        let good = try write(cli, "good.csv", "id,name,code,state\n99001,New Publisher,,active\n")
        let bad = try write(cli, "bad-line-items.json", """
            {"response": {"line-items": [{"id": 99100, "name": "Fine"}, {"id": 99101, "name": "Orphan", "advertiser_id": 555}]}}
            """)
        let result = try cli.run(["import", "--kind", "publisher", good, files["trackers"]!.path, bad])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad-line-items.json: record 1: advertiser_id: no advertiser 555 in the database or in this import"))
        #expect(try dump() == before)
    }

    /// A placement moved to another publisher breaks the trackers that use it with the old one:
    /// SQLite would only say so at the commit (a raw FOREIGN KEY error), which a dry run never
    /// reaches. Both runs name the placement's line and the trackers; moving the trackers in the
    /// same import makes it fine.
    /// A folder or a FIFO has no end to read to: refused at once, by name, without a read.
    @Test func aFolderOrAFIFOIsRefusedWithoutBeingRead() throws {
        let cli = try CLIRunner()
        let folder = cli.home.appendingPathComponent("line-items.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fifo = cli.home.appendingPathComponent("pipe.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for path in [folder.path, fifo.path] {
            let result = try cli.run(["import", path])
            #expect(result.status != 0 && result.stderr.contains("\(path): not a regular file (a folder, device or pipe): give a file"), "\(result.stderr)")
        }
    }

    @Test func theDryRunFindsAMovedPlacementAsTheRealRunDoes() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let placements = try cli.run(["placements", "list", "--format", "csv"]).stdout
        let trackers = try cli.run(["trackers", "list", "--format", "csv"]).stdout.split(separator: "\r\n").map(String.init)
        // Tracker 21378's placement, moved to a publisher of another placement.
        let fields = trackers[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let placementId = fields[7], publisherId = fields[6]
        let row = placements.split(separator: "\r\n").first { $0.hasPrefix(placementId + ",") }!.split(separator: ",", omittingEmptySubsequences: false)
        let other = placements.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] }
            .first { $0 != publisherId }!
        let moved = try write(cli, "moved.csv", "id,code,name,state,publisher_id,width,height\n\(placementId),\(row[1]),\(row[2]),active,\(other),\(row[5]),\(row[6])\n")
        for arguments in [["import", "--dry-run", moved], ["import", moved]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("moved.csv: line 2: publisher_id: placement \(placementId) would move away from publisher \(publisherId), but tracker 21378 uses it"), "\(result.stderr)")
            #expect(!result.stderr.contains("FOREIGN KEY") && !result.stderr.contains("SQLite"), "\(result.stderr)")
        }
        #expect(try cli.run(["placements", "list", "--format", "csv"]).stdout == placements)
    }

    @Test func problemsNameFileLineRecordAndFieldAndAreCountedPastTwenty() throws {
        let cli = try CLIRunner()
        let many = try write(cli, "publishers.csv", "id,name,state\n" + (1...25).map { "\($0),Pub \($0),maybe" }.joined(separator: "\n") + "\n")
        let result = try cli.run(["import", many])
        #expect(result.status == 2)
        #expect(result.stderr.contains("25 problems"))
        #expect(result.stderr.contains("publishers.csv: line 2: state: expected active or inactive (got “maybe”)"))
        #expect(result.stderr.contains("… and 5 more problems"))
        // An object of an API page without a usable id is not kept, and named; the rest is imported.
        let wrongType = try write(cli, "p.json", "{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"ok\"}, {\"id\": \"two\", \"name\": \"x\"}]}}")
        let skipped = try cli.run(["import", wrongType])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("publishers: 1 created") && skipped.stdout.contains("not kept (1)"), "\(skipped.stdout)")
        #expect(skipped.stdout.contains("p.json: publisher two: id: not a whole number (got “two”)"), "\(skipped.stdout)")
        let rules = try write(cli, "rules.json", "{\"response\": {\"payment-rules\": [{\"id\": 5, \"name\": \"Rev\", \"pricing_type\": \"revshare\"}]}}")
        #expect(try cli.run(["import", rules]).stderr.contains("payment rule 5 has no publisher: the API's JSON carries none, so name it with --publisher ID"))
        let errorPage = try write(cli, "e.json", "{\"response\": {\"error_id\": \"SYNTAX\", \"error\": \"Invalid field\"}}")
        #expect(try cli.run(["import", errorPage]).stderr.contains("e.json: the API answered an error: SYNTAX: Invalid field"))
        let unknown = try write(cli, "x.csv", "id,name\n1,a\n")
        #expect(try cli.run(["import", unknown]).stderr.contains("cannot tell which objects these columns are"))
        let quote = try write(cli, "publishers-q.csv", "id,name\n1,\"never closed\n")
        #expect(try cli.run(["import", quote]).stderr.contains("line 2: a quoted field never ends"))
        let latin = cli.home.appendingPathComponent("latin-publishers.csv")
        try Data("id,name\n1,Caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: latin)
        #expect(try cli.run(["import", latin.path]).stderr.contains("latin-publishers.csv: line 2: not UTF-8 text"))
        let latinJSON = cli.home.appendingPathComponent("latin.json")
        try Data("{\"response\": {\"publishers\": [{\"id\": 1, \"name\": \"Caf".utf8 + [0xE9] + Data("\"}]}}".utf8)).write(to: latinJSON)
        #expect(try cli.run(["import", latinJSON.path]).stderr.contains("latin.json: not UTF-8 text"))
        #expect(try cli.run(["import", cli.home.appendingPathComponent("missing.json").path]).stderr.contains("cannot read the file"))
    }

    @Test func paymentRulesTakeTheirPublisherFromTheOption() throws {
        let cli = try CLIRunner()
        let publishers = try write(cli, "pubs.csv", "id,name\n7,Seven\n")
        let rules = try write(cli, "rules.json", "{\"response\": {\"payment-rule\": {\"id\": 5, \"name\": \"Rev\", \"pricing_type\": \"cpm\", \"cost_cpm\": 1.5}}}")
        let result = try cli.run(["import", "--kind", "publisher", publishers])
        #expect(result.status == 0)
        let dry = try cli.run(["import", rules, "--publisher", "7", "--dry-run"])
        #expect(dry.stdout.hasPrefix("Dry run, nothing written — would import 1 file:") && dry.stdout.contains("payment-rules: 1 created"))
        #expect(try cli.run(["payment-rules", "list", "--publisher", "7", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 1)
        #expect(try cli.run(["import", rules, "--publisher", "7"]).status == 0)
        #expect(try cli.run(["payment-rules", "list", "--publisher", "7"]).stdout.contains("Rev"))
    }
}
