import CNcursesw
import Foundation

/// A runtime trap (a Swift precondition: SIGILL or SIGTRAP), an abort or a bad memory access
/// ends the process at once, ncurses and all: without this the shell is left in raw mode, in the
/// alternate screen, with the mouse reporting — a terminal that looks dead. The handler gives
/// the terminal back with what is safe inside a signal handler (`tcsetattr`, `write`): the
/// modes as they were before the app started, bytes worked out in advance that leave the
/// alternate screen and show the cursor, and one line saying what happened; then the signal
/// ends the process as it would have.
enum FatalSignalGuard {
    static let signals = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Filled once before the handlers go in, read only by them.
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var hasSaved = false
    nonisolated(unsafe) private static var restore: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var restoreCount = 0

    /// Called with the terminal's modes as they were before curses took it, and the bytes that
    /// undo what the app turned on (input modes off, cursor shown, the alternate screen left).
    static func install(savedModes: termios?, restoreBytes: [UInt8]) {
        if let savedModes {
            saved = savedModes
            hasSaved = true
        }
        let message = Array("\r\nclicktrax: stopped by an internal error; the terminal was given back\r\n".utf8)
        let bytes = restoreBytes + message
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        restore = buffer
        restoreCount = bytes.count
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // One shot: the handler runs once, then the default action ends the process.
        action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND)) | Int32(SA_NODEFER)
        for number in signals { sigaction(number, &action, nil) }
    }

    /// Back to the defaults (the app gave the terminal back itself).
    static func uninstall() {
        for number in signals { signal(number, SIG_DFL) }
    }

    private static let handler: @convention(c) (Int32) -> Void = { number in
        if FatalSignalGuard.hasSaved { tcsetattr(STDIN_FILENO, TCSANOW, &FatalSignalGuard.saved) }
        if let bytes = FatalSignalGuard.restore { _ = write(STDOUT_FILENO, bytes, FatalSignalGuard.restoreCount) }
        // SA_RESETHAND put the default back: raised again, the signal ends the process (and
        // leaves a core where the system keeps them).
        raise(number)
    }
}
