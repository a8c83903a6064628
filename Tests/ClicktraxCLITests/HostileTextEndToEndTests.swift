import ClicktraxCore
import Foundation
import Testing
import TerminalUI

/// Names holding bidi overrides, zero-width joiners and spaces, stacked combining marks and as
/// many characters as the rules allow, shown by the real binary: inert (the overrides become
/// "�"), truncated with an ellipsis, and not one column out of line — in the CLI's tables and in
/// the UI in tmux. (Control characters, so escape sequences, are refused at every way in:
/// `trackers create`, import, the dialog — tests elsewhere.)
@Suite struct HostileTextEndToEndTests {
    static let hostile = "Bidi \u{202E}exe.gnp\u{202C} zero\u{200B}width jo\u{200D}in e\u{301}\u{301}\u{301} 東京 "
        + String(repeating: "z", count: 200)

    func prepare() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let csv = cli.home.appendingPathComponent("items.csv")
        try "id,code,name,state,advertiser_id\n990001,,\"\(Self.hostile)\",active,37236\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", csv.path, "--kind", "line-items"]).status == 0)
        let created = try cli.run(["trackers", "create", "--name", Self.hostile, "--line-item", "990001", "--publisher", "44449"])
        #expect(created.status == 0, "\(created.stderr)")
        let tooLong = try cli.run(["trackers", "update", "21378", "--name", String(repeating: "x", count: 10_000)])
        #expect(tooLong.status == 2 && tooLong.stderr.contains("at most 255 characters (got 10000)"))
        return cli
    }

    /// Where `marker` starts on `line`, in terminal columns.
    static func column(of marker: String, in line: Substring) -> Int? {
        line.range(of: marker).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
    }

    @Test func theCLITableShowsItInertTruncatedAndAligned() throws {
        let cli = try prepare()
        let table = try cli.run(["trackers", "list", "--search", "gnp"]).stdout
        #expect(!table.contains("\u{202E}") && !table.contains("\u{202C}") && !table.contains("\u{1B}"))
        let lines = table.split(separator: "\n")
        #expect(lines.count == 2, "\(table)")
        let row = lines[1]
        #expect(row.contains("Bidi \u{FFFD}exe.gnp\u{FFFD}"))
        #expect(row.contains("…"))
        #expect(Self.column(of: "active", in: row) == Self.column(of: "State", in: lines[0]), "\(table)")
    }

    @Test func theUIShowsItInertTruncatedAndAligned() throws {
        let cli = try prepare()
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database)", width: 140, height: 40,
                                   environment: ["HOME": cli.home.path])
        let screen = try tmux.waitFor { $0.contains("26 of 26 shown") && $0.contains("exe.gnp") }
        #expect(screen.hasPrefix(" Clicktrax  Creative › Click Trackers"), "\(screen)")
        #expect(!screen.contains("\u{202E}"))
        let lines = screen.split(separator: "\n")
        guard let header = lines.first(where: { $0.contains("State") && $0.contains("Name") }),
              let row = lines.first(where: { $0.contains("exe.gnp") }) else {
            Issue.record("no header or no row:\n\(screen)")
            return
        }
        #expect(row.contains("\u{FFFD}exe.gnp\u{FFFD}"), "\(row)")
        #expect(row.contains("…"))
        #expect(Self.column(of: "active", in: row) == Self.column(of: "State", in: header), "\(header)\n\(row)")
        // Every cell of the row is filled: the publisher column starts where its header does.
        #expect(Self.column(of: "The Daily Planet", in: row) == Self.column(of: "Publisher", in: header), "\(header)\n\(row)")
        // The zero-width space is not drawn at all (terminals disagree on such characters).
        #expect(row.contains("zerowidt"), "\(row)")
    }
}
