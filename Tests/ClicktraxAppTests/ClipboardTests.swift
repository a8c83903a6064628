import ClicktraxCore
import Foundation
import Testing
@testable import ClicktraxApp

@Suite struct ClipboardTests {
    final class Terminal: @unchecked Sendable { var written: [String] = [] }

    @Test func osc52AlwaysAndSaysWhereTheTextWent() throws {
        let terminal = Terminal()
        let clipboard = Clipboard(configuredCommand: nil, environment: ["PATH": "/nonexistent"]) { terminal.written.append($0) }
        let message = try clipboard.copy("<script></script>")
        #expect(terminal.written == ["\u{1B}]52;c;PHNjcmlwdD48L3NjcmlwdD4=\u{07}"])
        #expect(message == "the terminal by OSC 52 (your terminal decides whether it takes it)")
    }

    @Test func aConfiguredCommandGetsTheTextToo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clip-\(UUID().uuidString)").path
        let clipboard = Clipboard(configuredCommand: ["/bin/sh", "-c", "cat > \(file)"], environment: [:]) { _ in }
        #expect(try clipboard.copy("tags") == "the terminal by OSC 52 (your terminal decides whether it takes it) and /bin/sh")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "tags")
        let failing = Clipboard(configuredCommand: ["/bin/false"], environment: [:]) { _ in }
        #expect(try failing.copy("x").hasSuffix("(not: /bin/false exited with status 1)"), "said, beside where it did go")
    }

    @Test func moreThan100KBIsRefusedWithAHint() {
        let terminal = Terminal()
        let clipboard = Clipboard(configuredCommand: nil, environment: [:]) { terminal.written.append($0) }
        do {
            _ = try clipboard.copy(String(repeating: "x", count: 100_001))
            Issue.record("must refuse")
        } catch {
            #expect("\(error)".contains("save the tags to a file instead"))
        }
        #expect(terminal.written.isEmpty)
    }

    @Test func localHelpersAreUsedOnlyWhereTheyCanWork() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bin-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for tool in ["xclip", "wl-copy"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(tool).path, contents: Data("#!/bin/sh\n".utf8),
                                           attributes: [.posixPermissions: 0o755])
        }
        func helper(_ environment: [String: String]) -> [String]? {
            Clipboard(configuredCommand: nil, environment: environment.merging(["PATH": folder.path]) { $1 }) { _ in }.helperCommand()
        }
        #expect(helper([:]) == nil, "over ssh with no display, OSC 52 alone")
        #expect(helper(["DISPLAY": ":0"]) == ["xclip", "-selection", "clipboard"])
        #expect(helper(["WAYLAND_DISPLAY": "wayland-0"]) == ["wl-copy"])
    }

    /// Inside tmux, tmux is asked: `set-clipboard on` takes our OSC 52; its default (`external`)
    /// and `off` drop it, so the text goes through `tmux load-buffer`, and the words say which.
    @Test func insideTmuxTheCopyGoesWhereTmuxLetsIt() throws {
        func started(_ setting: String?) throws -> (written: [String], pending: Clipboard.Pending) {
            let terminal = Terminal()
            let clipboard = Clipboard(configuredCommand: nil, environment: ["TMUX": "/tmp/tmux-0/default,1,0", "PATH": "/nonexistent"],
                                      askTmux: { $0 == "set-clipboard" ? setting : nil }) { terminal.written.append($0) }
            let pending = try clipboard.start("tags")
            return (terminal.written, pending)
        }
        let on = try started("on")
        #expect(on.written.count == 1 && on.pending.steps.isEmpty)
        #expect(on.pending.sentSoFar.contains("OSC 52 through tmux, set-clipboard on"))
        for setting in ["external", "off", nil] {
            let other = try started(setting)
            #expect(other.written.isEmpty, "tmux would drop it: not sent as if it arrived")
            #expect(other.pending.steps.map(\.command) == [["tmux", "load-buffer", "-w", "-"]])
            #expect(other.pending.sentSoFar == "nowhere yet")
        }
    }

    @Test func underGNUScreenWithNoHelperNothingIsSaidToBeCopied() {
        let terminal = Terminal()
        let clipboard = Clipboard(configuredCommand: nil, environment: ["STY": "1234.pts-0.host", "PATH": "/nonexistent"]) {
            terminal.written.append($0)
        }
        do {
            _ = try clipboard.copy("tags")
            Issue.record("must say it was not copied")
        } catch {
            #expect("\(error)".contains("not copied: GNU screen passes no OSC 52 on"), "\(error)")
        }
        #expect(terminal.written.isEmpty)
    }
}
