import ClicktraxCore
import Foundation
import Testing

@Suite struct ExportCommandTests {
    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        return cli
    }

    func writeConfig(_ cli: CLIRunner, _ text: String) throws -> [String: String] {
        let folder = cli.home.appendingPathComponent("config/clicktrax")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return ["XDG_CONFIG_HOME": cli.home.appendingPathComponent("config").path]
    }

    @Test func theInvestExampleFromTheCommandLine() throws {
        let cli = try demo()
        let result = try cli.run(["export", "21378", "--type", "link", "--non-secure",
                                  "--macro", "cachebuster", "--macro", "ancost", "--macro", "redirect-url"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            <!-- Click Tracker - CLIK TRAX -->
            <a href="http://ib.adnxs.com/clktrb?id=21378&cachebuster=[CACHEBUSTER]&ancost=[ANCOST]&redir=[REDIRECT_URL]">YOUR TEXT HERE</a>
            <!-- End of Click Tracker -->

            """)
        #expect(result.stderr.contains("warning: non-secure"))
    }

    @Test func idsComeSeveralToAnArgumentOrFromStandardInput() throws {
        let cli = try demo()
        let separate = try cli.run(["export", "21378", "21379", "21380"])
        #expect(separate.status == 0)
        let commas = try cli.run(["export", "21378,21379", "21380"])
        let piped = try cli.run(["export", "-"], input: "21378\n21379, 21380\n")
        #expect(commas.stdout == separate.stdout)
        #expect(piped.stdout == separate.stdout)
        #expect(separate.stdout.components(separatedBy: "<!-- Click Tracker - ").count == 4)
        let bad = try cli.run(["export", "21378,abc"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "clicktrax: “abc” is not a tracker ID (expected a positive whole number)\n")
    }

    /// `export -` reads at most 64 MB: past that, standard input is not a list of IDs
    /// (`< /dev/zero` would fill memory), and it is refused without being read to its end.
    @Test func standardInputPastItsCapIsRefused() throws {
        let cli = try CLIRunner()
        let flood = try cli.run(shell: #"head -c 80000000 /dev/zero | "$0" --database "$1" export -"#, [CLIRunner.binary.path, cli.database])
        #expect(flood.status == 2, "\(flood.stderr)")
        #expect(flood.stderr == "clicktrax: standard input: more than 64 MB is not a list of tracker IDs\n", "\(flood.stderr)")
    }

    @Test func aBigExportListsTheFirstWarningsThenACount() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo", "--trackers", "200"]).status == 0)
        let result = try cli.run(["export", "-", "--non-secure"], input: (21378..<21578).map(String.init).joined(separator: "\n"))
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 21, "\(result.stderr)")
        #expect(lines.last?.hasPrefix("clicktrax: … and ") == true)
        #expect(lines.last?.hasSuffix(" more warnings (export fewer trackers to see them all)") == true)
    }

    @Test func badInputExits2NamingTheTrackerOrValueAndWritesNothing() throws {
        let cli = try demo()
        let output = cli.home.appendingPathComponent("tags.html").path
        let cases: [([String], String)] = [
            (["export", "5", "21378", "7"], "no click tracker with ID 5, 7"),
            (["export", "21378", "--macro", "ancost=-1"], "ANCOST: expected [ANCOST]"),
            (["export", "21378", "--macro", "redirect-url=javascript:alert(1)"], "REDIRECT_URL: expected [REDIRECT_URL]"),
            (["export", "21378", "--type", "pixel", "--non-secure"], "--non-secure: the secure pixel is always https"),
            (["export", "21378", "--host", "evil.example/\""], "tracker host:"),
            (["export", "21378", "--macro", "nonsense"], "--macro"),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(arguments + ["--output", output])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(whereSeparator: \.isNewline).count == 1, "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
        // A link to a tracker with no landing page leads nowhere: an error for that tracker.
        let bare = try cli.run(["trackers", "create", "--name", "Bare", "--line-item", "74957", "--publisher", "44449"])
        let id = bare.stdout.split(separator: " ")[3]
        let link = try cli.run(["export", String(id), "--type", "link"])
        #expect(link.status == 2 && link.stderr.contains("tracker \(id): no landing page"))
    }

    @Test func outputIsWrittenWholeAndReplacesTheOldFile() throws {
        let cli = try demo()
        let output = cli.home.appendingPathComponent("tags.html").path
        try "old content".write(toFile: output, atomically: true, encoding: .utf8)
        let saved = try cli.run(["export", "21378", "21379", "--output", output])
        #expect(saved.status == 0)
        #expect(saved.stdout.isEmpty)
        let printed = try cli.run(["export", "21378", "21379"])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == printed.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.home.path).filter { $0.hasPrefix(".tags.html") }
        #expect(leftovers.isEmpty)
        let noFolder = try cli.run(["export", "21378", "--output", cli.home.path + "/missing/tags.html"])
        #expect(noFolder.status == 2 && noFolder.stderr.contains("does not exist"))
    }

    @Test func configurationSetsTheDefaults() throws {
        let cli = try demo()
        let environment = try writeConfig(cli, """
            [tags]
            host = "clicks.example.net"
            type = "pixel"

            [tags.macros]
            cachebuster = "%%CACHEBUSTER%%"
            redirect_url = true
            """)
        let result = try cli.run(["export", "21378"], environment: environment)
        #expect(result.stdout.contains("<img src=\"https://clicks.example.net/clktrb?id=21378&cachebuster=%%CACHEBUSTER%%&t=2&redir=[REDIRECT_URL]\""))
        // A --macro without a value takes the configured one; --macro replaces the set.
        let override = try cli.run(["export", "21378", "--macro", "cachebuster", "--type", "url"], environment: environment)
        #expect(override.stdout == "https://clicks.example.net/clktrb?id=21378&cachebuster=%%CACHEBUSTER%%\n")
        let none = try cli.run(["export", "21378", "--no-macros", "--type", "url"], environment: environment)
        #expect(none.stdout == "https://clicks.example.net/clktrb?id=21378\n")
    }

    @Test func aBadConfigurationNamesFileLineAndKey() throws {
        let cli = try demo()
        let cases: [(String, String)] = [
            ("[tags]\nhost = \"ok.example\"\ntype = \"gif\"\n", "config.toml:3: [tags] type: expected javascript, pixel, link or url (got “gif”)"),
            ("[tags]\nhots = \"x\"\n", "config.toml:2: [tags] hots: unknown key (known: host, type, secure, escape_ampersands, link_text, preset, macros); did you mean “host”?"),
            ("[tags]\nsecure = \"yes\"\n", "config.toml:2: [tags] secure: expected true or false"),
            ("[tags.macros]\nancost = \"abc\"\n", "config.toml:2: [tags.macros] ancost: expected [ANCOST]"),
            ("[email]\ncommand = \"msmtp -t\"\n", "config.toml:2: [email] command: expected an array of strings"),
            ("[email]\nfrom = \"not an address\"\n", "config.toml:2: [email] from:"),
            ("[emial]\nfrom = \"a@b.com\"\n", "config.toml:1: emial: unknown key (known: theme, tags, email, clipboard, invest, helpers); did you mean “email”?"),
            ("[tags\nhost = 1\n", "config.toml:1: "),
        ]
        for (text, message) in cases {
            let environment = try writeConfig(cli, text)
            let result = try cli.run(["export", "21378"], environment: environment)
            #expect(result.status == 2, "\(text)")
            #expect(result.stderr.contains(message), "\(text.debugDescription): \(result.stderr)")
            #expect(result.stderr.split(whereSeparator: \.isNewline).count == 1, "\(result.stderr)")
        }
    }

    @Test func mailedTagsArriveByteIdenticalOverRealSMTP() throws {
        let cli = try demo()
        let server = try SMTPServer(folder: cli.home)
        let environment = try writeConfig(cli, """
            [email]
            from = "ad-ops@example.com"
            command = ["msmtp", "--host=127.0.0.1", "--port=\(server.port)", "--auth=off", "--tls=off", "--from=ad-ops@example.com"]
            """)
        let arguments = ["export", "21378", "21379", "21380", "--type", "link", "--macro", "cachebuster", "--macro",
                         "redirect-url=%%CLICK_URL_UNESC%%https://shop.example/landing?utm_source=invest&utm_medium=display&utm_campaign="
                             + String(repeating: "long", count: 60)]
        let printed = try cli.run(arguments, environment: environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        let mailed = try cli.run(arguments + ["--email", "trafficking@example.com, Agency@Example.org"],
                                 environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        #expect(mailed.status == 0, "\(mailed.stderr)")
        #expect(mailed.stderr.contains("sent to trafficking@example.com, Agency@Example.org through msmtp"))
        #expect(mailed.stdout.isEmpty)

        let messages = try server.messages()
        #expect(messages.count == 1)
        guard let message = messages.first else { return }
        let parts = try MailParser.parse(message)
        #expect(parts.attachment == Data(printed.stdout.utf8), "the attachment is byte for byte what export prints")
        #expect(parts.text.replacingOccurrences(of: "\r\n", with: "\n").hasSuffix(printed.stdout))
        #expect(parts.to == "trafficking@example.com, Agency@Example.org")
        #expect(parts.subject.hasPrefix("Click tracker tags (3): CLIK TRAX, "))
        #expect(parts.attachmentName.hasPrefix("click-trackers-") && parts.attachmentName.hasSuffix(".html"))
    }

    @Test func withoutACommandTheMessageWaitsInTheOutbox() throws {
        let cli = try demo()
        let result = try cli.run(["export", "21378", "--email", "ops@example.com"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1, "not sent is a failure, so a script does not take it for delivered")
        #expect(result.stderr.split(whereSeparator: \.isNewline).count == 1)
        #expect(result.stderr.contains("the message was NOT sent; it is saved as \(cli.home.path)/.local/share/clicktrax/outbox/"))
        let outbox = cli.home.appendingPathComponent(".local/share/clicktrax/outbox")
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
        #expect(files.count == 1 && files[0].hasSuffix(".eml"))
        let parts = try MailParser.parse(try Data(contentsOf: outbox.appendingPathComponent(files[0])))
        #expect(parts.attachment == Data(try cli.run(["export", "21378"]).stdout.utf8))
    }

    @Test func aFailingCommandIsReportedAndNothingIsClaimedSent() throws {
        let cli = try demo()
        for (command, message) in [("[\"false\"]", "email: false exited with status 1; the message was NOT sent; it is saved as "),
                                   ("[\"no-such-mailer\"]", "cannot run no-such-mailer")] {
            let environment = try writeConfig(cli, "[email]\ncommand = \(command)\n")
            let result = try cli.run(["export", "21378", "--email", "ops@example.com"], environment: environment)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!result.stderr.contains("sent to"))
        }
    }

    @Test func addressListsAreCheckedBeforeAnythingHappens() throws {
        let cli = try demo()
        let eleven = (1...11).map { "ops\($0)@example.com" }.joined(separator: ",")
        for (list, message) in [(eleven, "email: at most 10 addresses (got 11)"),
                                ("ops@example.com, not-an-address", "email: address 2 of 2: “not-an-address” is not of the form name@example.com"),
                                ("ops@example.com,,x@example.com", "email: address 2 of 3: empty address"),
                                ("ops@example.com\r\nBcc: evil@example.com", "email: address 1 of 1")] {
            let result = try cli.run(["export", "21378", "--email", list], environment: ["PATH": "/nonexistent"])
            #expect(result.status == 2, "\(list)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent(".local/share/clicktrax/outbox").path))
    }
}

/// Reads a received message with Python's `email` package: a real MIME parser, not ours.
enum MailParser {
    struct Parts {
        var to: String
        var subject: String
        var text: String
        var attachment: Data
        var attachmentName: String
    }

    static let script = """
        import base64, email, email.policy, json, sys
        message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
        text, attachment, name = "", b"", ""
        for part in message.walk():
            if part.get_content_disposition() == "attachment":
                attachment, name = part.get_payload(decode=True), part.get_filename()
            elif part.get_content_type() == "text/plain":
                text = part.get_payload(decode=True).decode("utf-8")
        print(json.dumps({"to": str(message["To"]), "subject": str(message["Subject"]), "text": text,
                          "attachment": base64.b64encode(attachment).decode(), "name": name}))
        """

    static func parse(_ message: Data) throws -> Parts {
        let result = try Subprocess.run("/usr/bin/python3", ["-c", script], input: message)
        let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: String] ?? [:]
        return Parts(to: json["to"] ?? "", subject: json["subject"] ?? "", text: json["text"] ?? "",
                     attachment: Data(base64Encoded: json["attachment"] ?? "") ?? Data(), attachmentName: json["name"] ?? "")
    }
}

extension ExportCommandTests {
    /// `--preset`: the ad server's macros, the note on where its click macro goes, and `--macro`
    /// changing one of them after; an unknown preset names the known ones.
    @Test func aPresetServesTheReceivingAdServer() throws {
        let cli = try demo()
        let cm360 = try cli.run(["export", "21378", "--type", "url", "--preset", "cm360"])
        #expect(cm360.status == 0 && cm360.stdout == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=%n&redir=\n", "\(cm360.stdout)")
        #expect(cm360.stderr.contains("note: in CM360, use the tracker URL as a click-through event tag"), "\(cm360.stderr)")
        #expect(cm360.stderr.contains("warning: REDIRECT_URL is empty and last"), "\(cm360.stderr)")
        let changed = try cli.run(["export", "21378", "--type", "url", "--preset", "gam", "--macro", "ancost=0.5"])
        #expect(changed.stdout == "https://ib.adnxs.com/clktrb?id=21378&cachebuster=%%CACHEBUSTER%%&ancost=0.5\n", "\(changed.stdout)")
        let unknown = try cli.run(["export", "21378", "--preset", "cm36"])
        #expect(unknown.status != 0 && unknown.stderr.contains("cm360"), "\(unknown.stderr)")
    }
}
