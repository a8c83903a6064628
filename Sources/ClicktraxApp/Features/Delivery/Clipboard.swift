import ClicktraxCore
import Foundation
import TerminalUI

/// Puts text on the clipboard and says truly where it went. Straight to a terminal, OSC 52 (a
/// terminal may refuse it, and we cannot see: "your terminal decides"). Inside tmux, tmux is
/// asked: with `set-clipboard on` it takes our OSC 52 into its buffer and passes it on; with its
/// default (`external`) or `off` it drops an application's OSC 52, so the text goes through tmux
/// itself (`tmux load-buffer -w -`: its buffer and, where tmux may, the outer terminal's
/// clipboard). GNU screen passes no OSC 52 on: a desktop helper, or an honest "not copied". A
/// configured command or a local helper (wl-copy, xclip, xsel, pbcopy) gets the text too.
public struct Clipboard {
    var configuredCommand: [String]?
    var environment: [String: String]
    /// Writes an escape sequence to the terminal.
    var writeToTerminal: (String) -> Void
    /// Seconds the helper may take (`[helpers] timeout`).
    var timeout: Double
    /// Asks tmux for one of its options (`tmux show-options -sv NAME`); nil when it cannot say.
    var askTmux: (String) -> String?

    public init(configuredCommand: [String]?, environment: [String: String], timeout: Double = 10,
                askTmux: ((String) -> String?)? = nil, writeToTerminal: @escaping (String) -> Void) {
        self.configuredCommand = configuredCommand
        self.environment = environment
        self.timeout = timeout
        self.writeToTerminal = writeToTerminal
        self.askTmux = askTmux ?? { name in
            let result = try? Subprocess.run("tmux", ["show-options", "-sv", name], environment: environment, timeout: 2)
            guard let result, result.succeeded else { return nil }
            return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// Copies `text` there and then, helpers included; returns where it went, for the toast.
    public func copy(_ text: String) throws -> String {
        let pending = try start(text)
        return try pending.finish(cancelled: { false })
    }

    /// The part of a copy that cannot block — OSC 52 to the terminal, now, on the UI's thread
    /// (the only one that writes to the terminal), where it will arrive — and the commands still
    /// to run (`Pending.finish`, elsewhere: one may take up to the timeout, and Esc stops it).
    public func start(_ text: String) throws -> Pending {
        let size = text.utf8.count
        guard size <= OSC52.maxBytes else {
            throw ClicktraxError.badInput(
                "\(size / 1000) KB is more than a terminal clipboard takes (100 KB): save the tags to a file instead (clicktrax export … --output FILE)")
        }
        var steps: [Pending.Step] = []
        var sent: String?
        if environment["TMUX"].map({ !$0.isEmpty }) == true {
            let setting = askTmux("set-clipboard")
            if setting == "on" {
                writeToTerminal(OSC52.sequence(for: text))
                sent = "tmux's buffer and the terminal's clipboard (OSC 52 through tmux, set-clipboard on)"
            } else {
                let onlyBuffer = "tmux's buffer only (prefix ] pastes it; tmux's set-clipboard is \(setting ?? "not known"), "
                    + "so tmux did not pass it to the terminal's clipboard)"
                // `-w` (tmux 3.2) also sends it to the outer terminal, as set-clipboard allows;
                // an older tmux refuses the flag, and then the buffer alone is said.
                steps.append(Pending.Step(["tmux", "load-buffer", "-w", "-"],
                                          said: setting == "off" ? onlyBuffer : "tmux's buffer and, through tmux, the terminal's clipboard (prefix ] pastes it)",
                                          fallback: Pending.Step(["tmux", "load-buffer", "-"], said: onlyBuffer)))
            }
        } else if environment["STY"].map({ !$0.isEmpty }) == true {
            // GNU screen keeps OSC 52 to itself: nothing to send; a helper below, or "not copied".
        } else {
            writeToTerminal(OSC52.sequence(for: text))
            sent = "the terminal by OSC 52 (your terminal decides whether it takes it)"
        }
        if let helper = helperCommand() { steps.append(Pending.Step(helper, said: helper[0])) }
        if sent == nil && steps.isEmpty {
            throw ClicktraxError.operational("not copied: GNU screen passes no OSC 52 on and no clipboard helper is here "
                + "(set [clipboard] command): s saves the tags to a file, o opens them in the pager")
        }
        return Pending(text: text, sent: sent, steps: steps, environment: environment, timeout: timeout)
    }

    /// A copy sent where it could be at once, with the commands still to run.
    public struct Pending: Sendable {
        /// A command given the text on stdin, and how its success is said.
        public struct Step: Sendable {
            public let command: [String]
            let said: String
            /// Tried when the command fails (an older tmux without `load-buffer -w`).
            let fallback: [Step]

            public init(_ command: [String], said: String, fallback: Step? = nil) {
                self.command = command
                self.said = said
                self.fallback = fallback.map { [$0] } ?? []
            }
        }

        let text: String
        /// Where it went already (OSC 52), in words.
        let sent: String?
        public let steps: [Step]
        let environment: [String: String]
        let timeout: Double

        public init(text: String, sent: String?, steps: [Step], environment: [String: String] = [:], timeout: Double = 10) {
            self.text = text
            self.sent = sent
            self.steps = steps
            self.environment = environment
            self.timeout = timeout
        }

        /// The first command's program, for "Copying with …"; nil: nothing left to run.
        public var helper: String? { steps.first?.command.first }

        /// Where the text went, with nothing left to run.
        public var sentSoFar: String { sent ?? "nowhere yet" }

        /// Runs the commands (each stopped at the timeout, or when `cancelled` says so); returns
        /// where the text went. Throws — never "copied" — when it went nowhere.
        public func finish(cancelled: @escaping @Sendable () -> Bool) throws -> String {
            var reached = sent.map { [$0] } ?? []
            var failures: [String] = []
            for step in steps {
                do {
                    reached.append(try run(step, cancelled: cancelled))
                } catch {
                    failures.append("\(error)")
                }
            }
            guard !reached.isEmpty else {
                throw ClicktraxError.operational("not copied: " + failures.joined(separator: "; "))
            }
            return reached.joined(separator: " and ") + (failures.isEmpty ? "" : " (not: \(failures.joined(separator: "; ")))")
        }

        private func run(_ step: Step, cancelled: @escaping @Sendable () -> Bool) throws -> String {
            let program = step.command[0]
            let result = try Subprocess.run(program, Array(step.command.dropFirst()), input: Data(text.utf8), environment: environment,
                                            timeout: timeout, cancelled: cancelled)
            if result.cancelled { throw ClicktraxError.operational("\(program) was stopped (Esc)") }
            if result.timedOut { throw ClicktraxError.operational("\(program) did not finish within \(Int(timeout)) s and was stopped") }
            guard result.succeeded else {
                if let fallback = step.fallback.first { return try run(fallback, cancelled: cancelled) }
                throw ClicktraxError.operational("\(program) exited with status \(result.status)")
            }
            return step.said
        }
    }

    /// The configured command, else a helper for the desktop this session runs in, if any.
    func helperCommand() -> [String]? {
        if let configuredCommand { return configuredCommand }
        let path = environment["PATH"] ?? ""
        func has(_ name: String) -> Bool {
            path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
        if environment["WAYLAND_DISPLAY"] != nil, has("wl-copy") { return ["wl-copy"] }
        if environment["DISPLAY"] != nil {
            if has("xclip") { return ["xclip", "-selection", "clipboard"] }
            if has("xsel") { return ["xsel", "--clipboard", "--input"] }
        }
        if has("pbcopy") { return ["pbcopy"] }
        return nil
    }
}
