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
        #expect(message == "17 bytes sent to the terminal's clipboard (OSC 52)")
    }

    @Test func aConfiguredCommandGetsTheTextToo() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clip-\(UUID().uuidString)").path
        let clipboard = Clipboard(configuredCommand: ["/bin/sh", "-c", "cat > \(file)"], environment: [:]) { _ in }
        #expect(try clipboard.copy("tags") == "4 bytes sent to the terminal's clipboard (OSC 52) and /bin/sh")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "tags")
        let failing = Clipboard(configuredCommand: ["/bin/false"], environment: [:]) { _ in }
        #expect(throws: ClicktraxError.self) { try failing.copy("x") }
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
}
