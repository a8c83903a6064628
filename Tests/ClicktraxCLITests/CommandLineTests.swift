import Foundation
import Testing
import ClicktraxCore

@Suite struct CommandLineTests {
    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        return cli
    }

    /// Lines of output; CSV's CRLF is one Character in Swift, so split on any newline.
    func lines(_ text: String) -> [Substring] { text.split(whereSeparator: \.isNewline) }

    @Test func demoThenJsonListIsAValidEnvelopeWhoseCountIsTheTrackers() throws {
        let cli = try demo()
        let result = try cli.run(["trackers", "list", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let response = json?["response"] as? [String: Any]
        let trackers = response?["clicktrackers"] as? [[String: Any]]
        #expect(response?["status"] as? String == "OK")
        #expect(response?["count"] as? Int == 25)
        #expect(trackers?.count == 25)
        // What the list prints is what the envelope decoder reads back.
        #expect(try InvestEnvelope.decode(Tracker.self, from: Data(result.stdout.utf8), source: "stdout").count == 25)
    }

    @Test func demoRefusesANonEmptyDatabaseUnlessTold() throws {
        let cli = try demo()
        let again = try cli.run(["demo"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("--replace"))
        #expect(lines(again.stderr).count == 1)
        let replaced = try cli.run(["demo", "--replace", "--line-items", "50", "--trackers", "3"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(lines(try cli.run(["trackers", "list", "--format", "csv"]).stdout).count == 4)
    }

    @Test func theDatabaseComesFromTheOptionTheEnvironmentOrXdg() throws {
        let cli = try CLIRunner()
        let fromEnvironment = cli.home.appendingPathComponent("env.sqlite").path
        #expect(try cli.run(["demo", "--line-items", "10"], useDatabase: false, environment: ["CLICKTRAX_DATABASE": fromEnvironment]).status == 0)
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        let xdg = cli.home.appendingPathComponent("xdg").path
        #expect(try cli.run(["demo", "--line-items", "10"], useDatabase: false, environment: ["XDG_DATA_HOME": xdg]).status == 0)
        #expect(FileManager.default.fileExists(atPath: xdg + "/clicktrax/clicktrax.sqlite"))
        #expect(try cli.run(["demo", "--line-items", "10"], useDatabase: false).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.home.path + "/.local/share/clicktrax/clicktrax.sqlite"))
    }

    @Test func createWithoutPublisherIsOneLineExit2AndStoresNothing() throws {
        let cli = try demo()
        let result = try cli.run(["trackers", "create", "--name", "x", "--line-item", "74957"])
        #expect(result.status == 2)
        #expect(result.stderr == "clicktrax: Publisher (--publisher): required: choose the publisher the clicks come from\n")
        #expect(result.stdout.isEmpty)
        #expect(try trackerCount(cli) == 25)
    }

    @Test func aPlacementOfAnotherPublisherIsRefused() throws {
        let cli = try demo()
        let placements = try cli.run(["placements", "list", "--publisher", "44450", "--format", "csv"])
        let otherPlacement = String(lines(placements.stdout)[1].split(separator: ",")[0])
        let result = try cli.run(["trackers", "create", "--name", "x", "--line-item", "74957", "--publisher", "44449", "--placement", otherPlacement])
        #expect(result.status == 2)
        #expect(lines(result.stderr).count == 1)
        #expect(result.stderr.contains("Placement (--placement): placement \(otherPlacement)"))
        #expect(result.stderr.contains("belongs to publisher 44450"))
        #expect(try trackerCount(cli) == 25)
    }

    @Test func aJavascriptLandingPageIsRefused() throws {
        let cli = try demo()
        let result = try cli.run(["trackers", "create", "--name", "x", "--line-item", "74957", "--publisher", "44449",
                                  "--landing-page-url", "javascript:alert(1)"])
        #expect(result.status == 2)
        #expect(result.stderr == "clicktrax: Landing Page URL (--landing-page-url): must be an absolute http:// or https:// URL (got “javascript:alert(1)”)\n")
        #expect(try trackerCount(cli) == 25)
    }

    @Test func createShowUpdateAndTheChangeLog() throws {
        let cli = try demo()
        let created = try cli.run(["trackers", "create", "--name", "Holiday homepage", "--line-item", "74957",
                                   "--publisher", "44449", "--code", "HOL-1", "--landing-page-url", "https://wonka.example/",
                                   "--format", "json"])
        #expect(created.status == 0, "\(created.stderr)")
        let tracker = try InvestEnvelope.decode(Tracker.self, from: Data(created.stdout.utf8), source: "stdout")[0]
        #expect(tracker.name == "Holiday homepage" && tracker.code == "HOL-1" && tracker.publisher.id == 44449)
        let id = String(tracker.id)

        let show = try cli.run(["trackers", "show", id])
        #expect(show.stdout.contains("Revision          1"))
        let update = try cli.run(["trackers", "update", id, "--name", "Renamed", "--revision", "1"])
        #expect(update.stdout == "Updated click tracker \(id) (revision 2).\n")
        let history = try cli.run(["trackers", "history", id])
        #expect(lines(history.stdout).count == 3)
        #expect(history.stdout.contains("updated  1 → 2     name"))
    }

    @Test func twoProcessesFromTheSameRevisionTheSecondIsRefused() throws {
        let cli = try demo()
        let first = try cli.run(["trackers", "update", "21378", "--name", "First edit", "--revision", "1"])
        let second = try cli.run(["trackers", "update", "21378", "--name", "Second edit", "--revision", "1"])
        #expect(first.status == 0)
        #expect(second.status == 1)
        #expect(second.stderr.contains("was changed since it was read"))
        let show = try cli.run(["trackers", "show", "21378", "--format", "json"])
        #expect(try InvestEnvelope.decode(Tracker.self, from: Data(show.stdout.utf8), source: "x")[0].name == "First edit")
        let history = try cli.run(["trackers", "history", "21378"])
        #expect(lines(history.stdout).count == 3, "created, then exactly one update:\n\(history.stdout)")
    }

    @Test func racingProcessesLoseNoEdit() throws {
        let cli = try demo()
        // Eight processes start from revision 1 at once: exactly one wins, the others are told.
        let results = cli.runConcurrently((0..<8).map { ["trackers", "update", "21379", "--name", "Edit \($0)", "--revision", "1"] })
        let statuses = results.map(\.status)
        let messages = results.map(\.stderr)
        #expect(statuses.filter { $0 == 0 }.count == 1)
        #expect(statuses.filter { $0 == 1 }.count == 7)
        #expect(!messages.joined().contains("locked"))
        let winner = statuses.firstIndex(of: 0)!
        let show = try cli.run(["trackers", "show", "21379", "--format", "json"])
        #expect(try InvestEnvelope.decode(Tracker.self, from: Data(show.stdout.utf8), source: "x")[0].name == "Edit \(winner)")
    }

    @Test func usageErrorsAreOneLineExit2() throws {
        let cli = try CLIRunner()
        for arguments in [["trackers", "bogus"], ["trackers", "show", "abc"], ["demo", "--line-items", "0"], ["--nope"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(lines(result.stderr).count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("clicktrax: "))
        }
        let help = try cli.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: clicktrax"))
    }

    @Test func operationalFailuresExit1AndBadFilesExit2() throws {
        let cli = try CLIRunner()
        let notADatabase = cli.home.appendingPathComponent("notes.txt")
        try String(repeating: "not a database\n", count: 20).write(to: notADatabase, atomically: true, encoding: .utf8)
        let bad = try cli.run(["--database", notADatabase.path, "trackers", "list"], useDatabase: false)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("clicktrax: \(notADatabase.path): not a Clicktrax database"))
        let missing = try cli.run(["trackers", "show", "42"])
        #expect(missing.status == 2 && missing.stderr == "clicktrax: no click tracker with ID 42\n")
        let folderIsAFile = try cli.run(["--database", notADatabase.path + "/sub/db.sqlite", "trackers", "list"], useDatabase: false)
        #expect(folderIsAFile.status == 1)
        #expect(lines(folderIsAFile.stderr).count == 1)
    }

    @Test func withoutATerminalTheUIExplainsAndExits2() throws {
        let cli = try CLIRunner()
        let result = try cli.run([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a terminal"))
    }

    @Test func aBadThemeIsBadInputEvenWithoutATerminal() throws {
        let cli = try CLIRunner()
        let unknown = try cli.run(["--theme", "nosuch"])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("clicktrax: --theme: no theme named “nosuch”"))
        let file = cli.home.appendingPathComponent("bad.toml")
        try "\"dialog.boarder\" = { fg = \"red\" }\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try cli.run(["--theme", file.path])
        #expect(bad.stderr == "clicktrax: \(file.path):1: dialog.boarder: unknown role; did you mean “dialog.border”?\n")
        #expect(bad.status == 2)
    }

    @Test func catalogListings() throws {
        let cli = try demo()
        let search = try cli.run(["line-items", "search", "wonka holiday jp", "--format", "json"])
        let items = try InvestEnvelope.decode(LineItem.self, from: Data(search.stdout.utf8), source: "x")
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.name.lowercased().contains("wonka holiday") && $0.name.contains("JP") })
        #expect(search.stderr.isEmpty)
        let typo = try cli.run(["line-items", "search", "wnka hlday jp", "--format", "json"])
        #expect(typo.stderr == "clicktrax: no name holds every word; closest by letters in order\n")
        let close = try InvestEnvelope.decode(LineItem.self, from: Data(typo.stdout.utf8), source: "x")
        #expect(close.first.map { $0.name.hasPrefix("Wonka Holiday") && $0.name.contains("JP") } == true)
        #expect(try cli.run(["publishers", "list"]).stdout.contains("The Daily Planet"))
        #expect(try cli.run(["payment-rules", "list", "--publisher", "44449", "--format", "json"]).stdout.contains("\"payment-rules\""))
        let unknown = try cli.run(["placements", "list", "--publisher", "1"])
        #expect(unknown.status == 2 && unknown.stderr == "clicktrax: no publisher with ID 1\n")
    }

    @Test func hostileNamesPrintInertInTables() throws {
        let cli = try demo()
        // A name cannot hold control characters, but a line item imported from elsewhere might
        // hold bidi controls: the table must neutralise them.
        let created = try cli.run(["trackers", "create", "--name", "evil\u{202E}gpj.exe", "--line-item", "74957", "--publisher", "44449"])
        #expect(created.status == 0, "\(created.stderr)")
        let table = try cli.run(["trackers", "list", "--search", "evil"])
        #expect(!table.stdout.unicodeScalars.contains("\u{202E}"))
        #expect(table.stdout.contains("evil\u{FFFD}gpj.exe"))
    }

    func trackerCount(_ cli: CLIRunner) throws -> Int {
        let csv = try cli.run(["trackers", "list", "--format", "csv"])
        return lines(csv.stdout).count - 1
    }
}
