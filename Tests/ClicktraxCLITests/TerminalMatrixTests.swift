import ClicktraxCore
import Foundation
import Testing

/// The real binary in tmux under the TERM values operators arrive with: each starts and works
/// (arrows, a dialog opened with a key and closed with Esc, Enter, quit) and gives the terminal
/// back sane, or refuses in one line that points at the commands. Terminals without an
/// alternate screen are left cleared, so the prompt never lands on the last frame.
@Suite struct TerminalMatrixTests {
    @Test(arguments: ["xterm-256color", "xterm", "screen", "tmux-256color", "linux", "vt100"])
    func theUIRunsAndGivesTheTerminalBack(term: String) throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database)", width: 120, height: 30,
                                   environment: ["TERM": term, "HOME": cli.home.path])
        let first = try tmux.waitFor { $0.contains("25 of 25 shown") }
        #expect(first.contains("Creative › Click Trackers") && first.contains("Zürich Uhren"), "\(term): \(first)")
        try tmux.send("Down", "Down", "Enter")                       // the third tracker's dialog
        let dialog = try tmux.waitFor { $0.contains("Edit Click Tracker") }
        #expect(dialog.contains("21380"), "\(term): Enter edits the row the arrows reached: \(dialog)")
        try tmux.send("Escape")
        try tmux.waitFor { !$0.contains("Edit Click Tracker") }
        try tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(after.contains("EXITED 0"), "\(term): \(after)")
        #expect(after.contains(" icanon") && after.contains(" echo ") && !after.contains("-icanon"), "\(term): \(after)")
        #expect(!after.contains("Click Trackers") && !after.contains("Zürich"), "\(term): the last frame stayed under the prompt: \(after)")
    }

    @Test(arguments: ["dumb", ""])
    func aTerminalThatCannotRunAFullScreenIsRefusedInOneLine(term: String) throws {
        let cli = try CLIRunner()
        let command = term.isEmpty ? "env -u TERM \(CLIRunner.binary.path) --database \(cli.database)" : "\(CLIRunner.binary.path) --database \(cli.database)"
        let tmux = try TmuxSession(command: command, width: 200, height: 20, environment: term.isEmpty ? ["HOME": cli.home.path] : ["TERM": term, "HOME": cli.home.path])
        let screen = try tmux.waitFor { $0.contains("EXITED") }
        let lines = screen.split(separator: "\n").filter { $0.hasPrefix("clicktrax:") }
        #expect(lines.count == 1, "\(screen)")
        #expect(screen.contains("EXITED 2"), "\(screen)")
        #expect(lines.first?.contains(term.isEmpty ? "TERM=(unset)" : "TERM=dumb cannot move the cursor") == true, "\(screen)")
        #expect(lines.first?.contains("clicktrax --help lists them") == true, "\(screen)")
    }

    /// A Ctrl-S typed while the app starts (flow control is still on in the shell's terminal)
    /// stops the terminal's output: the background-colour query's write then waited for a
    /// Ctrl-Q, and the screen stayed blank (the soak found it). The query turns flow control off
    /// first, which lets the output go again.
    @Test func aCtrlSTypedBeforeTheStartDoesNotFreezeIt() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let tmux = try TmuxSession(command: "/bin/sh -c 'stty ixon; sleep 1; exec \(CLIRunner.binary.path) --database \(cli.database)'",
                                   environment: ["HOME": cli.home.path])
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.send("C-s")
        let screen = try tmux.waitFor { $0.contains("25 of 25 shown") }
        #expect(screen.contains("Creative › Click Trackers"), "\(screen)")
        try tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXITED") }
        #expect(after.contains("EXITED 0"), "\(after)")
    }

    /// The background question is asked before the database opens (its reply travels meanwhile),
    /// with echo off: a database that cannot be opened still leaves the terminal as it was.
    @Test func aDatabaseThatFailsToOpenLeavesTheTerminalSane() throws {
        let cli = try CLIRunner()
        let broken = cli.home.appendingPathComponent("broken.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: broken)
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(broken.path)", width: 200, height: 30,
                                   environment: ["HOME": cli.home.path])
        let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(after.contains("EXITED 1") && after.contains("clicktrax:"), "\(after)")
        #expect(after.contains(" icanon") && after.contains(" echo ") && !after.contains("-echo "), "\(after)")
    }

    /// A theme the configuration names but nobody has is refused before anything is opened: no
    /// database is made, the terminal is untouched.
    @Test func aConfiguredThemeThatDoesNotExistIsRefusedBeforeTheDatabaseIsMade() throws {
        let cli = try CLIRunner()
        let folder = cli.home.appendingPathComponent(".config/clicktrax")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "theme = \"nosuch\"\n".write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let database = cli.home.appendingPathComponent("new.sqlite")
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(database.path)", width: 200, height: 30,
                                   environment: ["HOME": cli.home.path, "XDG_CONFIG_HOME": ""])
        let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(after.contains("EXITED 2") && after.contains("no theme named “nosuch”"), "\(after)")
        #expect(!FileManager.default.fileExists(atPath: database.path), "the database was made before the theme was refused")
    }

    /// LANG=C: one warning, then ASCII stand-ins ("Zurich", "Cafe Ole", `?` for CJK), never
    /// blanks, and the columns where they are in UTF-8.
    @Test func aCLocaleShowsASCIIStandInsInTheSameColumns() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let utf8 = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database)", environment: ["HOME": cli.home.path])
        let wide = try utf8.waitFor { $0.contains("25 of 25 shown") }
        let ascii = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database)",
                                    environment: ["HOME": cli.home.path, "LANG": "C", "LC_ALL": "C"])
        let screen = try ascii.waitFor { $0.contains("25 of 25 shown") }
        #expect(screen.contains("LC_ALL=C is not UTF-8"), "\(screen)")
        #expect(screen.contains("Zurich Uhren") && screen.contains("Cafe Ole") && screen.contains("????"), "\(screen)")
        let onlyASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(onlyASCII, "\(screen)")
        // Every row's state starts under the State header, CJK rows too: the stand-ins take the
        // cells the characters took.
        let rows = screen.split(separator: "\n").map(String.init)
        let header = try #require(rows.first { $0.contains("State") })
        let stateColumn = header.range(of: "State").map { header.distance(from: header.startIndex, to: $0.lowerBound) } ?? -1
        #expect(stateColumn > 0, "\(screen)")
        let trackerRows = rows.filter { $0.hasPrefix("[ ]") }
        #expect(trackerRows.count >= 20)
        for row in trackerRows {
            let cell = String(Array(row).dropFirst(stateColumn).prefix(8))
            #expect(cell.hasPrefix("active") || cell.hasPrefix("inactive"), "\(row)")
        }
        #expect(wide.contains("東京ラーメン"))
    }

    /// `theme = "auto"` (the default) asks the terminal's background (OSC 11; tmux answers with
    /// its window style), else reads COLORFGBG, else takes the dark default.
    @Test func theThemeFollowsTheTerminalsBackground() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        func header(windowStyle: String?, environment: [String: String] = [:]) throws -> String {
            // The app starts after the style is set.
            let tmux = try TmuxSession(command: "/bin/sh -c 'sleep 0.5; exec \(CLIRunner.binary.path) --database \(cli.database)'",
                                       environment: environment.merging(["HOME": cli.home.path]) { $1 })
            if let windowStyle { try tmux.tmux(["set-option", "-t", "main", "window-style", windowStyle]) }
            try tmux.waitFor { $0.contains("25 of 25 shown") }
            let screen = try tmux.tmux(["capture-pane", "-t", "main", "-p", "-e"])
            return screen.split(separator: "\n").first { $0.contains("Clicks, 14 days") }.map(String.init) ?? screen
        }
        let lightHeader = "48;5;252"      // light's #d0d0d0 table header
        let darkHeader = "48;5;236"       // default's #303030
        #expect(try header(windowStyle: "bg=#ffffff,fg=#000000").contains(lightHeader))
        #expect(try header(windowStyle: "bg=#101010,fg=#e0e0e0").contains(darkHeader))
        #expect(try header(windowStyle: nil, environment: ["COLORFGBG": "0;15"]).contains(lightHeader))
        #expect(try header(windowStyle: nil).contains(darkHeader))
        #expect(try header(windowStyle: "bg=#ffffff", environment: ["COLORFGBG": "15;0"]).contains(lightHeader), "the terminal's answer first")
    }
}
