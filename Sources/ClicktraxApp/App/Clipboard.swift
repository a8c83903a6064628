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

    /// Copies `text`; returns where it went, for the toast.
    public func copy(_ text: String) throws -> String {
        let size = text.utf8.count
        guard size <= OSC52.maxBytes else {
            throw ClicktraxError.badInput(
                "\(size / 1000) KB is more than a terminal clipboard takes (100 KB): save the tags to a file instead (clicktrax export … --output FILE)")
        }
        writeToTerminal(OSC52.sequence(for: text))
        var places = ["the terminal's clipboard (OSC 52)"]
        if let helper = helperCommand() {
            let result = try Subprocess.run(helper[0], Array(helper.dropFirst()), input: Data(text.utf8), environment: environment,
                                            timeout: timeout)
            if result.timedOut {
                throw ClicktraxError.operational(
                    "copy: \(helper[0]) did not finish within \(Int(timeout)) s and was stopped; sent to the terminal's clipboard (OSC 52) only")
            }
            guard result.succeeded else {
                throw ClicktraxError.operational("copy: \(helper[0]) exited with status \(result.status); sent to the terminal's clipboard (OSC 52) only")
            }
            places.append(helper[0])
        }
        return "\(size) bytes sent to " + places.joined(separator: " and ")
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
