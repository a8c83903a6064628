import ClicktraxCore
import Foundation
import Testing

/// `clicktrax imptrackers …` (RULES.md §12): the `trackers` commands given the kind — their own
/// ids, revisions and change log, no landing page, the Invest envelope's `imptrackers`, and tags
/// at `imptr`.
@Suite struct ImpTrackersCommandTests {
    /// The demo's Wonka line item and the publisher of its tracker 21378.
    static let lineItem = "74957", publisher = "44482"

    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo", "--imp-trackers", "0"]).status == 0)
        return cli
    }

    func create(_ cli: CLIRunner, _ name: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try cli.run(["imptrackers", "create", "--name", name, "--line-item", Self.lineItem, "--publisher", Self.publisher] + extra)
    }

    @Test func aWholeLifeBesideTheClickTrackers() throws {
        let cli = try demo()
        let clickTrackers = try cli.run(["trackers", "list", "--format", "csv"]).stdout
        let created = try create(cli, "Homepage pixel")
        let id = try firstImpressionId(cli)
        #expect(created.status == 0 && created.stdout == "Created impression tracker \(id) (revision 1).\n", "\(created.stdout)\(created.stderr)")
        #expect(id == "1", "impression trackers are numbered apart from the click trackers")
        let list = try cli.run(["imptrackers", "list"])
        #expect(list.stdout.contains("Homepage pixel") && !list.stdout.contains("Landing Page"), "\(list.stdout)")
        #expect(try cli.run(["trackers", "list", "--format", "csv"]).stdout == clickTrackers, "the click trackers are untouched")
        let show = try cli.run(["imptrackers", "show", id])
        #expect(show.stdout.contains("Name              Homepage pixel") && !show.stdout.contains("Landing Page"), "\(show.stdout)")
        // Another's save since revision 1 refuses mine.
        #expect(try cli.run(["imptrackers", "update", id, "--name", "Theirs"]).status == 0)
        let stale = try cli.run(["imptrackers", "update", id, "--name", "Mine", "--revision", "1"])
        #expect(stale.status != 0 && stale.stderr.contains("was changed since it was read"), "\(stale.stderr)")
        #expect(try cli.run(["imptrackers", "deactivate", id]).stdout == "Impression tracker \(id) is inactive.\n")
        let history = try cli.run(["imptrackers", "history", id]).stdout
        #expect(history.contains("deactivated") && history.contains("updated") && history.contains("created"), "\(history)")
        #expect(!(try cli.run(["trackers", "history"]).stdout.contains("Theirs")), "the click trackers' log is their own")
        #expect(try cli.run(["imptrackers", "delete", id]).stdout == "Deleted impression tracker \(id) (revision 3).\n")
        #expect(try cli.run(["imptrackers", "show", id]).status != 0)
        let check = try cli.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func noLandingPageAndEveryProblemNamed() throws {
        let cli = try demo()
        let refused = try create(cli, "x", ["--landing-page-url", "https://shop.example/"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Landing Page URL (--landing-page-url): an impression tracker has no landing page"), "\(refused.stderr)")
        #expect(try cli.run(["imptrackers", "list", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 1, "nothing was made")
    }

    @Test func theTagsAreImpressionTags() throws {
        let cli = try demo()
        _ = try create(cli, "Homepage pixel")
        let id = try firstImpressionId(cli)
        let cm360 = try cli.run(["imptrackers", "export", id, "--preset", "cm360", "--type", "pixel"])
        #expect(cm360.status == 0, "\(cm360.stderr)")
        #expect(cm360.stdout == """
            <!-- Imp Tracker - Homepage pixel - DO NOT MODIFY -->
            <img src="https://ib.adnxs.com/imptr?id=\(id)&cachebuster=%n&t=2" width="1" height="1" />
            <!-- End of Imp Tracker -->

            """)
        let link = try cli.run(["imptrackers", "export", id, "--type", "link"])
        #expect(link.status == 2 && link.stderr.contains("an impression tracker has no Link tag"), "\(link.stderr)")
        // A configuration made for clicks (a link, a landing page) gives an impression the JavaScript tag, no redir.
        let folder = cli.home.appendingPathComponent("config/clicktrax")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "[tags]\ntype = \"link\"\npreset = \"invest\"\n".write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let configured = try cli.run(["imptrackers", "export", id], environment: ["XDG_CONFIG_HOME": cli.home.appendingPathComponent("config").path])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("<script src=\"https://ib.adnxs.com/imptr?id=\(id)&cachebuster=[CACHEBUSTER]&t=1\""), "\(configured.stdout)")
        // The same id as a click tracker's is another tracker: the click export does not find it.
        let asClick = try cli.run(["export", id])
        #expect(asClick.status == 2 && asClick.stderr.contains("no click tracker with ID \(id)"), "\(asClick.stderr)")
    }

    /// What a listing writes imports back unchanged: the envelope's `imptrackers`, and a CSV named so.
    @Test func listingsImportBackUnchanged() throws {
        let cli = try demo()
        _ = try create(cli, "Pixel one", ["--code", "PX-1"])
        _ = try create(cli, "Pixel \"two\", with a comma")
        let json = try cli.run(["imptrackers", "list", "--format", "json"]).stdout
        let csv = try cli.run(["imptrackers", "list", "--format", "csv"]).stdout
        #expect(json.contains("\"imptrackers\"") && !json.contains("click_url"), "\(json)")
        #expect(!csv.contains("click_url"))
        for (name, text) in [("page.json", json), ("imptrackers.csv", csv)] {
            let other = try CLIRunner()
            #expect(try other.run(["demo", "--trackers", "0", "--imp-trackers", "0"]).status == 0)
            let file = other.home.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let imported = try other.run(["import", file.path])
            #expect(imported.status == 0, "\(name): \(imported.stderr)")
            #expect(try other.run(["imptrackers", "list", "--format", "csv"]).stdout.replacingOccurrences(of: #",\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\r?\n"#, with: "\n", options: .regularExpression)
                    == csv.replacingOccurrences(of: #",\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\r?\n"#, with: "\n", options: .regularExpression), "\(name)")
            #expect(try other.run(["trackers", "list", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 1, "\(name): no click tracker made")
        }
    }

    func firstImpressionId(_ cli: CLIRunner) throws -> String {
        let csv = try cli.run(["imptrackers", "list", "--format", "csv"]).stdout
        return String(csv.split(whereSeparator: \.isNewline).dropFirst().first?.split(separator: ",").first ?? "")
    }
}

extension ImpTrackersCommandTests {
    /// `demo` makes impression trackers too, numbered from Invest's example (1425); `--replace`
    /// numbers the new ones past every id given before.
    @Test func theDemoMakesImpressionTrackers() throws {
        let cli = try CLIRunner()
        let made = try cli.run(["demo"])
        #expect(made.stdout.contains("25 click trackers, 10 impression trackers"), "\(made.stdout)")
        #expect(try firstImpressionId(cli) == "1425")
        #expect(try cli.run(["imptrackers", "show", "1425"]).stdout.contains("Test Impression Tracker"))
        #expect(try cli.run(["demo", "--replace"]).status == 0)
        #expect(try firstImpressionId(cli) == "1435")
        #expect(try cli.run(["check"]).stdout.contains("25 trackers and 10 impression trackers"))
    }
}

extension ImpTrackersCommandTests {
    /// Delivered as click trackers' tags are: to a file, and by mail over real SMTP, byte for byte
    /// what the export prints, named as impression tracker tags.
    @Test func impressionTagsGoToAFileAndByMail() throws {
        let cli = try demo()
        _ = try create(cli, "Homepage pixel")
        let id = try firstImpressionId(cli)
        let printed = try cli.run(["imptrackers", "export", id, "--type", "pixel"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let file = cli.home.appendingPathComponent("tags.html").path
        let written = try cli.run(["imptrackers", "export", id, "--type", "pixel", "--output", file])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)

        let server = try SMTPServer(folder: cli.home)
        let environment = try ExportCommandTests().writeConfig(cli, """
            [email]
            from = "ad-ops@example.com"
            command = ["msmtp", "--host=127.0.0.1", "--port=\(server.port)", "--auth=off", "--tls=off", "--from=ad-ops@example.com"]
            """)
        let mailed = try cli.run(["imptrackers", "export", id, "--type", "pixel", "--email", "trafficking@example.com"],
                                 environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        #expect(mailed.status == 0, "\(mailed.stderr)")
        let message = try #require(try server.messages().first)
        let parts = try MailParser.parse(message)
        #expect(parts.attachment == Data(printed.stdout.utf8), "the attachment is byte for byte what export prints")
        #expect(parts.subject == "Impression tracker tags: Homepage pixel", "\(parts.subject)")
        #expect(parts.attachmentName.hasPrefix("impression-trackers-"), "\(parts.attachmentName)")
    }
}
