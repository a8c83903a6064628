import ClicktraxCore
import Foundation
import TerminalUI

/// Puts text on the clipboard and says honestly where it went: OSC 52 to the terminal (which
/// we cannot see it accept), plus a configured command or a local helper (wl-copy, xclip,
/// xsel, pbcopy) when one is there to use.
public struct Clipboard {
    var configuredCommand: [String]?
    var environment: [String: String]
    /// Writes an escape sequence to the terminal.
    var writeToTerminal: (String) -> Void
    /// Seconds the helper may take (`[helpers] timeout`).
    var timeout: Double

    public init(configuredCommand: [String]?, environment: [String: String], timeout: Double = 10,
                writeToTerminal: @escaping (String) -> Void) {
        self.configuredCommand = configuredCommand
        self.environment = environment
        self.timeout = timeout
        self.writeToTerminal = writeToTerminal
    }

    /// Copies `text` there and then, helper included; returns where it went, for the toast.
    public func copy(_ text: String) throws -> String {
        let pending = try start(text)
        return try pending.finish(cancelled: { false })
    }

    /// The part of a copy that cannot block — OSC 52 to the terminal, now, on the UI's thread
    /// (the only one that writes to the terminal) — and the helper, if there is one, still to
    /// run (`Pending.finish`, elsewhere: a helper may take up to the timeout, and Esc stops it).
    public func start(_ text: String) throws -> Pending {
        let size = text.utf8.count
        guard size <= OSC52.maxBytes else {
            throw ClicktraxError.badInput(
                "\(size / 1000) KB is more than a terminal clipboard takes (100 KB): save the tags to a file instead (clicktrax export … --output FILE)")
        }
        writeToTerminal(OSC52.sequence(for: text))
        return Pending(text: text, helper: helperCommand(), environment: environment, timeout: timeout)
    }

    /// A copy sent to the terminal, with the helper still to run.
    public struct Pending: Sendable {
        let text: String
        /// The helper's command line; nil: the terminal was the only place.
        public let helper: [String]?
        let environment: [String: String]
        let timeout: Double

        public init(text: String, helper: [String]?, environment: [String: String] = [:], timeout: Double = 10) {
            self.text = text
            self.helper = helper
            self.environment = environment
            self.timeout = timeout
        }

        var osc52: String { "the terminal's clipboard (OSC 52)" }

        /// Where the text went, with nothing left to run.
        public var sentOnlyToTheTerminal: String { "\(text.utf8.count) bytes sent to \(osc52)" }

        /// Runs the helper (stopped at the timeout, or when `cancelled` says so); returns where
        /// the text went.
        public func finish(cancelled: @escaping @Sendable () -> Bool) throws -> String {
            guard let helper else { return sentOnlyToTheTerminal }
            let result = try Subprocess.run(helper[0], Array(helper.dropFirst()), input: Data(text.utf8), environment: environment,
                                            timeout: timeout, cancelled: cancelled)
            if result.cancelled {
                throw ClicktraxError.operational("copy: \(helper[0]) was stopped (Esc); sent to \(osc52) only")
            }
            if result.timedOut {
                throw ClicktraxError.operational(
                    "copy: \(helper[0]) did not finish within \(Int(timeout)) s and was stopped; sent to \(osc52) only")
            }
            guard result.succeeded else {
                throw ClicktraxError.operational("copy: \(helper[0]) exited with status \(result.status); sent to \(osc52) only")
            }
            return "\(text.utf8.count) bytes sent to \(osc52) and \(helper[0])"
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
