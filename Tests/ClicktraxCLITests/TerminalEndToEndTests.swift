import ClicktraxCore
import Foundation
import Testing

/// The real binary in tmux, as an operator uses it.
@Suite struct TerminalEndToEndTests {
    /// The screen's lines joined, white space folded: a toast wraps onto the lines it needs.
    func flat(_ screen: String) -> String {
        screen.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func session(_ cli: CLIRunner, width: Int = 120, height: Int = 30, arguments: String = "",
                 environment: [String: String] = [:], setClipboard: String? = "on") throws -> TmuxSession {
        #expect(try cli.run(["demo"]).status == 0)
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database) \(arguments)", width: width, height: height,
                                   environment: environment.merging(["HOME": cli.home.path]) { $1 }, setClipboard: setClipboard)
        let first = try tmux.waitFor { $0.contains("25 of 25 shown") }
        #expect(first.contains("Clicktrax  Creative › Click Trackers"), "\(first)")
        return tmux
    }

    @Test func keysArriveAndTheFilterNarrowsTheTable() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli)
        try tmux.send("/")
        try tmux.type("wonka")
        let filtered = try tmux.waitFor { $0.contains("4 of 25 shown") }
        #expect(filtered.contains("4 of 25 shown · 0 ticked"), "\(filtered)")
        try tmux.send("Enter", "Space", "Space")
        #expect(try tmux.waitFor { $0.contains("2 ticked") }.contains("[x]"))
        try tmux.send("q")
        let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(after.contains("EXITED 0"))
        #expect(after.contains(" icanon") && after.contains(" echo "), "the terminal is sane after quitting:\n\(after)")
    }

    /// The line item picker searches as you type, and says when only letters in order matched;
    /// the frame log (what the benchmark reads) records the first frame, each key, and the peak.
    @Test func thePickerSearchesAsYouTypeAndTheFrameLogRecordsEachKey() throws {
        let cli = try CLIRunner()
        let log = cli.home.appendingPathComponent("frames.log").path
        let tmux = try session(cli, environment: ["CLICKTRAX_FRAME_LOG": log])
        try tmux.send("n")
        _ = try tmux.waitFor { $0.contains("Create new Click Tracker") }
        try tmux.send("Down", "Down", "Down", "Enter")
        _ = try tmux.waitFor { $0.contains("Choose a Line Item") }
        try tmux.type("wonka holiday jp")
        let strict = try tmux.waitFor { $0.contains("found ·") && $0.contains("Wonka Holiday 2026 – JP") }
        #expect(!strict.contains("letters in order"), "\(strict)")
        try tmux.send("C-u")
        try tmux.type("wnka hldy jp")
        let fuzzy = try tmux.waitFor { $0.contains("closest by letters in order") }
        #expect(fuzzy.contains("Wonka Holiday 2026 – JP"), "\(fuzzy)")
        // Each after the last has shown, as a person types: Esc and a key read together are
        // Alt and that key.
        try tmux.send("Escape")
        _ = try tmux.waitFor { !$0.contains("Choose a Line Item") }
        try tmux.send("Escape")
        _ = try tmux.waitFor { !$0.contains("Create new Click Tracker") }
        try tmux.send("q")
        _ = try tmux.waitFor { $0.contains("EXITED") }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasPrefix("first-frame-unix-ns ") == true)
        #expect(lines.contains { $0.hasPrefix("frame ") && $0.hasSuffix(" key(n)") })
        #expect(lines.filter { $0.hasPrefix("frame ") }.count >= 4 + 16 + 12)
        #expect(lines.last?.hasPrefix("peak-rss-kb ") == true)
    }

    @Test func resizeRedrawsAndATooSmallTerminalRecovers() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli)
        #expect(try tmux.screen().contains("Publisher"))
        try tmux.resize(width: 70, height: 20)
        // Waits for the app's own redraw: right after the resize tmux shows the old frame cut at
        // 70 columns, which has no "Publisher" either (and "Line Item" cut to "Line").
        let narrow = try tmux.waitFor { !$0.contains("Publisher") && $0.contains("Line Item") }
        #expect(narrow.contains("Line Item") && !narrow.contains("Publisher"), "\(narrow)")
        try tmux.resize(width: 40, height: 10)
        #expect(try tmux.waitFor { $0.contains("terminal too small") }.contains("need 60×16"))
        try tmux.resize(width: 160, height: 40)
        #expect(try tmux.waitFor { $0.contains("Last Modified") }.contains("25 of 25 shown"))
    }

    /// SGR mouse reports (mode 1006) say any column: a click on a header past column 223 sorts.
    @Test func aClickPastColumn223Works() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli, width: 260, height: 30)
        let header = try tmux.screen().split(separator: "\n")[2]
        let column = try #require(header.range(of: "Last Modified")).lowerBound
        let x = header.distance(from: header.startIndex, to: column) + 3
        #expect(x > 223)
        try tmux.type("\u{1B}[<0;\(x);3M\u{1B}[<0;\(x);3m")
        #expect(try tmux.waitFor { $0.contains("Last Modified ▲") }.contains("Last Modified ▲"))
    }

    @Test func copyPutsInTheTmuxBufferExactlyWhatExportPrints() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli)
        try tmux.send("j", "Space", "Space", "y")
        let toast = try tmux.waitFor { $0.contains("Copied") }
        #expect(toast.contains("Copied 2 tags of trackers 21379, 21380"), "\(toast)")
        #expect(flat(toast).contains("OSC 52 through tmux, set-clipboard on"), "\(toast)")
        let exported = try cli.run(["export", "21379", "21380"])
        #expect(try tmux.clipboard() == exported.stdout)
    }

    /// tmux's own default, `set-clipboard external`, drops an application's OSC 52: the copy
    /// goes through tmux itself, the buffer holds the tags, and the toast says where they went.
    @Test func underTmuxsDefaultOptionsTheCopyArrives() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli, setClipboard: nil)
        #expect(try tmux.tmux(["show-options", "-sv", "set-clipboard"]).trimmingCharacters(in: .whitespacesAndNewlines) == "external")
        try tmux.send("y")
        let toast = try tmux.waitFor { $0.contains("Copied") }
        #expect(toast.contains("Copied 1 tag of tracker 21378"), "\(toast)")
        #expect(flat(toast).contains("to tmux's buffer and, through tmux, the terminal's clipboard"), "\(toast)")
        #expect(try tmux.clipboard() == cli.run(["export", "21378"]).stdout)
        try tmux.tmux(["set-option", "-g", "set-clipboard", "off"])
        try tmux.tmux(["delete-buffer"])
        try tmux.send("j", "y")
        let off = try tmux.waitFor { $0.contains("tracker 21379") }
        #expect(flat(off).contains("tmux's buffer only"), "\(off)")
        #expect(try tmux.clipboard() == cli.run(["export", "21379"]).stdout)
    }

    @Test func sigtermLeavesTheTerminalSane() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli)
        let pid = try Subprocess.run("pgrep", ["-f", "^\(CLIRunner.binary.path) --database \(cli.database)"]).stdoutText
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        #expect(!pid.isEmpty)
        #expect(try Subprocess.run("kill", ["-TERM", pid]).succeeded)
        let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(after.contains("EXITED 143"), "\(after)")
        #expect(after.contains(" icanon") && after.contains(" echo ") && !after.contains("-icanon"), "\(after)")
    }

    @Test func noColorGivesTheMonoThemeAndThemesChangeTheColours() throws {
        let colourCodes = try NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(3[0-7]|9[0-7]|4[0-7]|10[0-7]|[34]8;5;[0-9]+)m")
        func colours(_ text: String) -> Int {
            colourCodes.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
        let mono = try session(try CLIRunner(), environment: ["NO_COLOR": "1"])
        let monoScreen = try mono.tmux(["capture-pane", "-t", "main", "-p", "-e"])
        #expect(colours(monoScreen) == 0, "NO_COLOR: attributes only")
        #expect(monoScreen.contains("\u{1B}[7m"), "the title bar and cursor row are reverse video")
        let light = try session(try CLIRunner(), arguments: "--theme light")
        let lightScreen = try light.tmux(["capture-pane", "-t", "main", "-p", "-e"])
        #expect(lightScreen.contains("48;5;252"), "light's #d0d0d0 header, mapped to 256 colours")
        let standard = try session(try CLIRunner())
        #expect(try !standard.tmux(["capture-pane", "-t", "main", "-p", "-e"]).contains("48;5;252"))
    }

    @Test func sighupAndSigintAlsoGiveTheTerminalBack() throws {
        for (signal, status) in [("HUP", 129), ("INT", 130)] {
            let cli = try CLIRunner()
            let tmux = try session(cli)
            let pid = try Subprocess.run("pgrep", ["-f", "^\(CLIRunner.binary.path) --database \(cli.database)"]).stdoutText
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            #expect(try Subprocess.run("kill", ["-\(signal)", pid]).succeeded)
            let after = try tmux.waitFor { $0.contains("EXITED") && $0.contains("icanon") }
            #expect(after.contains("EXITED \(status)") && after.contains(" icanon"), "SIG\(signal):\n\(after)")
        }
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let tmux = try TmuxSession(command: "bash --norc --noprofile -i", environment: ["HOME": cli.home.path, "PS1": "$ "])
        try tmux.type("\(CLIRunner.binary.path) --database \(cli.database)")
        try tmux.send("Enter")
        #expect(try tmux.waitFor { $0.contains("25 of 25 shown") }.contains("Click Trackers"))
        try tmux.send("C-z")
        let suspended = try tmux.waitFor { $0.contains("Stopped") }
        #expect(suspended.contains("Stopped") && !suspended.contains("25 of 25 shown"), "\(suspended)")
        try tmux.type("fg")
        try tmux.send("Enter")
        #expect(try tmux.waitFor { $0.contains("25 of 25 shown") }.contains("Creative › Click Trackers"))
        try tmux.send("q")
        #expect(try tmux.waitFor { !$0.contains("25 of 25 shown") }.contains("$"))
    }

    @Test func aTrackerCreatedThroughTheKeysIsStored() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli)
        try tmux.send("n")
        #expect(try tmux.waitFor { $0.contains("Create new Click Tracker") }.contains("Name *"))
        try tmux.type("Made in tmux")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        #expect(try tmux.waitFor { $0.contains("Choose a Line Item") }.contains("Search"))
        try tmux.type("wonka holiday jp")
        _ = try tmux.waitFor { $0.contains("Wonka Holiday 2026 – JP") }
        try tmux.send("Enter", "Enter")                                  // the pick moved on to Publisher
        _ = try tmux.waitFor { $0.contains("Choose a Publisher") }
        try tmux.type("daily planet")
        _ = try tmux.waitFor { $0.contains("1 found") }
        try tmux.send("Enter", "C-s")
        #expect(try tmux.waitFor { $0.contains("Created click tracker") }.contains("“Made in tmux”"))
        let listed = try cli.run(["trackers", "list", "--search", "made in tmux", "--format", "json"])
        let trackers = try InvestEnvelope.decode(Tracker.self, from: Data(listed.stdout.utf8), source: "stdout")
        #expect(trackers.count == 1)
        #expect(trackers.first?.publisher.name == "The Daily Planet")
        #expect(trackers.first?.lineItem.name.hasPrefix("Wonka Holiday 2026 – JP") == true)
    }

    @Test func exportCopyPutsInTheTmuxBufferWhatExportPrintsForTheSameOptions() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli)
        try tmux.send("Space", "Space", "x")
        _ = try tmux.waitFor { $0.contains("Export Trackers (2 trackers)") }
        try tmux.send("Right", "Right")                                  // Link
        _ = try tmux.waitFor { $0.contains("<a href=") }
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Tab", "Space")        // secure, escape, link text, ad server → CACHEBUSTER
        _ = try tmux.waitFor { $0.contains("cachebuster=[CACHEBUSTER]") }
        try tmux.send("C-s")
        _ = try tmux.waitFor { $0.contains("Save to file") }
        try tmux.send("c")
        #expect(flat(try tmux.waitFor { $0.contains("Copied 2 tags") }).contains("OSC 52 through tmux"))
        let exported = try cli.run(["export", "21378", "21379", "--type", "link", "--macro", "cachebuster"])
        #expect(exported.status == 0)
        #expect(try tmux.clipboard() == exported.stdout)
    }
}

/// An operator's whole job in the real binary: create a tracker with pasted text, export it at
/// once, save the tags — then the CLI reads back exactly that.
@Suite struct CreateAndExportEndToEndTests {
    @Test func pasteCreateExportSaveAndTheCLIAgrees() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let tmux = try TmuxSession(command: "\(CLIRunner.binary.path) --database \(cli.database)", width: 120, height: 34,
                                   environment: ["HOME": cli.home.path])
        _ = try tmux.waitFor { $0.contains("25 of 25 shown") }
        // An older tick, hidden by the filter: said on the toolbar, and it never takes the place
        // of the tracker made next.
        try tmux.send("j", "Space", "/")
        try tmux.type("wonka")
        try tmux.send("Enter")
        #expect(try tmux.waitFor { $0.contains("1 ticked, 1 hidden") }.contains("1 ticked, 1 hidden"))
        try tmux.send("n")
        _ = try tmux.waitFor { $0.contains("Create new Click Tracker") }
        try tmux.paste("Pasted – Spring sale [201~ q")
        try tmux.send("Tab", "Enter", "Tab", "Tab")                   // Advanced Options open; on to Landing Page URL
        try tmux.paste("https://shop.example/spring?utm_source=invest&utm_medium=display")
        try tmux.send("Tab", "Tab", "Enter")                          // State, then Line Item: its picker
        _ = try tmux.waitFor { $0.contains("Choose a Line Item") }
        try tmux.type("wonka holiday jp")
        _ = try tmux.waitFor { $0.contains("Wonka Holiday 2026 – JP") }
        try tmux.send("Enter", "Enter")                               // picked; Publisher opens
        _ = try tmux.waitFor { $0.contains("Choose a Publisher") }
        try tmux.paste("daily planet")
        _ = try tmux.waitFor { $0.contains("1 found") }
        try tmux.send("Enter", "C-s")
        let created = try tmux.waitFor { $0.contains("Created click tracker") }
        #expect(created.contains("“Pasted – Spring sale [201~ q”"), "\(created)")
        #expect(!created.contains("ticked, 1 hidden") && created.contains("0 ticked"), "the ticks went with the create: \(created)")
        try tmux.send("x")
        let exporting = try tmux.waitFor { $0.contains("Export Tags — tracker") }
        #expect(exporting.contains("Pasted – Spring sale"), "x exports the tracker just made, not the older tick: \(exporting)")
        try tmux.send("C-s")
        _ = try tmux.waitFor { $0.contains("Save to file") }
        try tmux.send("s")
        _ = try tmux.waitFor { $0.contains("Save the tags to a file") }
        let file = cli.home.appendingPathComponent("spring.html").path
        try tmux.send("C-u")
        try tmux.paste(file)
        try tmux.send("Enter")
        #expect(try tmux.waitFor { $0.contains("Saved the tags to") }.contains("Saved the tags"))

        let listed = try cli.run(["trackers", "list", "--search", "spring sale", "--format", "json"])
        let trackers = try InvestEnvelope.decode(Tracker.self, from: Data(listed.stdout.utf8), source: "stdout")
        let tracker = try #require(trackers.first)
        #expect(trackers.count == 1 && tracker.name == "Pasted – Spring sale [201~ q")
        #expect(tracker.clickUrl == "https://shop.example/spring?utm_source=invest&utm_medium=display")
        #expect(tracker.publisher.name == "The Daily Planet" && tracker.lineItem.name.hasPrefix("Wonka Holiday 2026 – JP"))
        let exported = try cli.run(["export", String(tracker.id)])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == exported.stdout)
    }
}

extension TerminalEndToEndTests {
    /// `o` in the tags view: the terminal is the pager's (less -S, the tag lines whole), and q
    /// gives it back to the app, redrawn as it was.
    @Test func theTagsOpenInThePagerAndComeBack() throws {
        let cli = try CLIRunner()
        let tmux = try session(cli, environment: ["PAGER": "less -S"])
        try tmux.send("x")
        _ = try tmux.waitFor { $0.contains("Export Tags") }
        try tmux.send("C-s")
        _ = try tmux.waitFor { $0.contains("Save to file") }
        try tmux.send("o")
        let paged = try tmux.waitFor { $0.contains("<script src=") && !$0.contains("Save to file") }
        #expect(paged.contains("<!-- Click Tracker - CLIK TRAX -->"), "\(paged)")
        try tmux.send("q")
        let back = try tmux.waitFor { $0.contains("Save to file") }
        #expect(back.contains("Tags — 1 JavaScript tag of tracker 21378"), "\(back)")
    }
}
