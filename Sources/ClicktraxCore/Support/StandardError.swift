import Foundation

/// Messages to stderr that never take the process down: `FileHandle.write` traps when the
/// descriptor is closed or full, and a message about a failure must not become a crash. When
/// stderr cannot be written there is nobody to tell; the exit status still says it.
public enum StandardError {
    public static func write(_ text: String) {
        _ = AtomicFile.writeAll(Data(text.utf8), to: STDERR_FILENO)
    }

    /// `clicktrax: MESSAGE` and a line break, the message made terminal-safe line by line
    /// (whatever it quotes — a file's field, a server's answer, a helper's stderr).
    public static func message(_ text: String) {
        write("clicktrax: " + TerminalSafe.message(text) + "\n")
    }
}
