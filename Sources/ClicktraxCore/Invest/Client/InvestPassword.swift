import Foundation

/// Where the Invest password comes from, in order (RULES.md §8): `password_command` (run without
/// a shell, first line of its stdout), `$CLICKTRAX_INVEST_PASSWORD`, or a prompt with echo off
/// on the terminal. It is asked only when a login is needed, held only in memory, and never
/// written anywhere nor put in an argument vector or a message.
public enum InvestPassword {
    public static let environmentVariable = "CLICKTRAX_INVEST_PASSWORD"

    /// nil when there is no way to get it (no command, no variable, no terminal).
    public static func source(
        command: [String]?, environment: [String: String], username: String, prompt: Bool, timeout: Double = 10
    ) -> (@Sendable () throws -> String)? {
        if let command, let program = command.first {
            let arguments = Array(command.dropFirst())
            return { try fromCommand(program, arguments, timeout: timeout) }
        }
        if let password = environment[environmentVariable], !password.isEmpty {
            return { password }
        }
        guard prompt, FileManager.default.isReadableFile(atPath: "/dev/tty") else { return nil }
        return { try fromTerminal("Invest password for \(username): ") }
    }

    static func fromCommand(_ program: String, _ arguments: [String], timeout: Double) throws -> String {
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(program, arguments, timeout: timeout)
        } catch {
            throw InvestError.badSetting("password_command: \(error)")
        }
        if result.timedOut {
            throw InvestError.badSetting("password_command (\(program)) did not answer within \(Int(timeout)) s and was stopped")
        }
        guard result.succeeded else {
            // Its stderr, not its stdout: a half-printed password must not reach the screen.
            let why = result.stderrText.split(separator: "\n").first.map { ": \(TerminalSafe.clip(String($0), 120))" } ?? ""
            throw InvestError.badSetting("password_command (\(program)) failed with status \(result.status)\(why)")
        }
        let line = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !password.isEmpty else { throw InvestError.badSetting("password_command (\(program)) printed no password") }
        return password
    }

    /// Reads a line from the controlling terminal with echo off, restoring the terminal after.
    static func fromTerminal(_ prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw InvestError.needsLogin("no terminal to ask the Invest password on") }
        defer { close(fd) }
        var saved = termios()
        let isTerminal = tcgetattr(fd, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            tcsetattr(fd, TCSAFLUSH, &quiet)
        }
        defer { if isTerminal { tcsetattr(fd, TCSAFLUSH, &saved) } }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 0x0A || byte == 0x0D { break }
            bytes.append(byte)
        }
        let password = String(decoding: bytes, as: UTF8.self)
        guard !password.isEmpty else { throw InvestError.needsLogin("no password was typed") }
        return password
    }
}
