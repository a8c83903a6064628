import ClicktraxCore
import Foundation

/// The real binary in a real terminal: a private tmux server (its own socket, no user
/// configuration) running one command, driven with send-keys and read with capture-pane.
final class TmuxSession {
    let socket = "clicktrax-test-\(UUID().uuidString.prefix(8))"

    /// `setClipboard`: tmux's `set-clipboard` for the session; nil keeps tmux's default (`external`:
    /// an application's OSC 52 is dropped — what most operators run).
    init(command: String, width: Int = 120, height: Int = 30, environment: [String: String] = [:], setClipboard: String? = "on") throws {
        try SystemTools.requireTmux()
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height),
                  "env TERM=tmux-256color LANG=C.UTF-8 \(exports) \(command); echo \"EXITED $?\"; stty -a; sleep 30"])
        if let setClipboard { try tmux(["set-option", "-g", "set-clipboard", setClipboard]) }
        socketPath = try tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's socket file, removed with the server: tests leave nothing in /tmp.
    private var socketPath = ""

    deinit {
        _ = try? tmux(["kill-server"])
        if !socketPath.isEmpty { unlink(socketPath) }
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // A clean environment: the test runner's own (NO_COLOR, say) must not leak into the app.
        let result = try Subprocess.run("tmux", ["-L", socket] + arguments, environment: [
            "PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
        ])
        guard result.succeeded else { throw POSIXError(.EIO) }
        return result.stdoutText
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }


    /// Types text literally (no key names).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// Pastes as a terminal does: bracketed (tmux paste-buffer -p), the app sees one paste.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "paste", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    func screen() throws -> String { try tmux(["capture-pane", "-t", "main", "-p"]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    func clipboard() throws -> String { try tmux(["show-buffer"]) }

    /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
    @discardableResult
    func waitFor(_ seconds: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        return last
    }
}
