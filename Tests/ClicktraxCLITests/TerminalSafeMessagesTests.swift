import ClicktraxCore
import Foundation
import Testing

/// Whatever a message quotes — a file's header or field, a configuration key or value, a theme's
/// key, a path, a helper's stderr — reaches stderr without a byte that would drive the terminal
/// (escape sequences, C1 controls, bidi overrides, a carriage return), and cut to a length.
@Suite struct TerminalSafeMessagesTests {
    static let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\r"

    func expectSafe(_ result: CLIRunner.Result, _ what: String, maxBytes: Int = 4_000) {
        #expect(result.status != 0, "\(what): \(result.status)")
        #expect(!result.stderr.isEmpty, "\(what): says something")
        let bad = result.stderr.unicodeScalars.filter {
            ($0.properties.generalCategory == .control && $0 != "\n") || $0.properties.generalCategory == .format
        }
        #expect(bad.isEmpty, "\(what): \(bad.map { String($0.value, radix: 16) }) in \(result.stderr.debugDescription.prefix(300))")
        #expect(result.stderr.utf8.count <= maxBytes, "\(what): \(result.stderr.utf8.count) bytes on stderr")
    }

    @Test func importProblemsQuoteHostileHeadersAndFieldsInertly() throws {
        let cli = try CLIRunner()
        let files: [(String, String)] = [
            ("advertisers.csv", "id,name,\(Self.hostile)\n1,a,b\n"),
            ("publishers.csv", "id,name,state\n1,a,\(Self.hostile)\n"),
            ("line-items.csv", "id,name,advertiser_id,revenue_value\n1,a,,\(Self.hostile)\n"),
            ("placements.csv", "id,name,publisher_id,width\n1,a,2,\(Self.hostile)\n"),
            ("page.json", #"{"response": {"status": "OK", "line-items": [{"id": 1, "name": "a", "\#(Self.hostile.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) ? String(format: "\\u%04x", $0.value) : String($0) }.joined())": 1, "\#(Self.hostile.unicodeScalars.map { $0.value < 0x20 || (0x80..<0xA0).contains($0.value) ? String(format: "\\u%04x", $0.value) : String($0) }.joined())": 2}]}}"#),
            // A 900 KB column name: named, not echoed.
            ("advertisers2.csv", "id,name," + String(repeating: "x", count: 900_000) + "\n1,a,b\n"),
        ]
        for (name, text) in files {
            let url = cli.home.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            let result = try cli.run(["import", "--kind", name.hasPrefix("advertisers2") ? "advertiser" : name.hasPrefix("page") ? "line-item" : String(name.dropLast(5).dropLast()).replacingOccurrences(of: "line-item", with: "line-item"), url.path])
            if name == "page.json" {
                // Invest's page: the record with a key twice is not kept, and named on stdout —
                // inertly, as stderr would.
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.contains("not kept (1)") && result.stdout.contains("appears twice"), "\(result.stdout)")
                let bad = result.stdout.unicodeScalars.filter {
                    ($0.properties.generalCategory == .control && $0 != "\n") || $0.properties.generalCategory == .format
                }
                #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) })")
                continue
            }
            expectSafe(result, name)
        }
    }

    /// The hostile text as TOML writes it (escapes), so the file parses and its value is quoted.
    static var tomlHostile: String {
        hostile.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E
            ? String(format: "\\u%04X", $0.value) : String($0) }.joined()
    }

    @Test func configurationThemeAndPathsAreQuotedInertly() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let config = cli.home.appendingPathComponent("config.toml")
        let evil = Self.tomlHostile
        for text in ["[\"\(evil)\"]\nx = 1\n", "[tags]\n\"\(evil)\" = 1\n", "[tags]\nhost = \"\(evil)\"\n", "[tags]\ntype = \"\(evil)\"\n",
                     "[email]\nfrom = \"\(evil)\"\n", "[helpers]\ntimeout = \"\(evil)\"\n", "[invest]\napi = \"\(evil)\"\n"] {
            try Data(text.utf8).write(to: config)
            let arguments = text.hasPrefix("[email]") ? ["export", "21378", "--email", "a@example.com"]
                : text.hasPrefix("[invest]") ? ["invest", "pull"] : ["export", "21378"]
            expectSafe(try cli.run(["--config", config.path] + arguments), "config \(text.prefix(16).debugDescription)")
        }
        let theme = cli.home.appendingPathComponent("evil.toml")
        try Data("[roles]\n\"\(evil)\" = { fg = \"red\" }\n".utf8).write(to: theme)
        expectSafe(try cli.run(["--theme", theme.path]), "a theme's key")
        try Data("[roles.\"table.row\"]\nfg = \"\(evil)\"\n".utf8).write(to: theme)
        expectSafe(try cli.run(["--theme", theme.path]), "a theme's value")
        expectSafe(try cli.run(["--database", cli.home.path + "/\(Self.hostile)/" + String(repeating: "d", count: 5000) + "/x/db", "trackers", "show", "1"]), "database path")
        expectSafe(try cli.run(["trackers", "show", Self.hostile]), "an id")
        expectSafe(try cli.run(["export", "--output", cli.home.path + "/no/such/\(Self.hostile)", "21378"]), "an output path")
        expectSafe(try cli.run(["trackers", "create", "--name", Self.hostile, "--line-item", "1", "--publisher", "1"]), "a name")
    }

    @Test func aHelperStderrIsQuotedInertly() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let script = cli.home.appendingPathComponent("mail.sh")
        try "printf '\\033[2J\\033]0;owned\\007 mail failed\\r\\n' >&2\nhead -c 100000 /dev/zero | tr '\\0' x >&2\nexit 3\n".write(to: script, atomically: true, encoding: .utf8)
        let config = cli.home.appendingPathComponent("config.toml")
        try "[email]\ncommand = [\"/bin/sh\", \"\(script.path)\"]\nfrom = \"ops@example.com\"\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try cli.run(["--config", config.path, "export", "21378", "--email", "someone@example.com"])
        expectSafe(result, "mail helper", maxBytes: 6_000)
    }
}
