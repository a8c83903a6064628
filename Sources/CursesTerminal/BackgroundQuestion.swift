import Foundation

/// OSC 11 ("your background colour?") then DA1 (`ESC [ c`, which every terminal answers), asked
/// before ncurses takes the terminal and answered later: the app opens its database while the
/// reply travels (a few milliseconds through tmux or ssh, off the first frame's time). Reading
/// stops at DA1's answer, so a terminal that does not know OSC 11 costs no wait, and nothing of
/// an answer is left behind to be read as keys.
public final class BackgroundQuestion {
    private var saved: termios
    private let deadline: UInt64
    private var restored = false

    private init(saved: termios, deadline: UInt64) {
        self.saved = saved
        self.deadline = deadline
    }

    /// Sends the question; nil when stdin and stdout are not a terminal (or it refuses).
    public static func ask(timeoutMilliseconds: Int = 150) -> BackgroundQuestion? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var quiet = saved
        // No echo and no line editing until the reply is read: it must not show, nor wait for Enter.
        quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // Flow control off too: a Ctrl-S typed before the app started (the soak found it) has
        // stopped the terminal's output, and the query's write would wait for a Ctrl-Q forever.
        // Clearing IXON lets the output go again, as curses' raw mode does a moment later.
        quiet.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0 else { return nil }
        let question = BackgroundQuestion(
            saved: saved, deadline: DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000)
        let query = "\u{1B}]11;?\u{1B}\\\u{1B}[c"
        guard query.withCString({ write(STDOUT_FILENO, $0, strlen($0)) }) > 0 else {
            question.restore()
            return nil
        }
        return question
    }

    /// What the terminal answered, waiting until DA1's answer or the time given to `ask` is up
    /// (a reply already there is read even if the time is up); the terminal's modes are restored.
    public func answer() -> [UInt8] {
        defer { restore() }
        var reply: [UInt8] = []
        while !TerminalBackground.endsWithDeviceAttributes(reply) {
            let now = DispatchTime.now().uptimeNanoseconds
            let wait = now < deadline ? Int32((deadline - now) / 1_000_000) + 1 : 0
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, wait) > 0 else { break }
            var chunk = [UInt8](repeating: 0, count: 256)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            guard count > 0 else { break }
            reply += chunk[0..<count]
        }
        return reply
    }

    /// The terminal's modes as they were (also when the answer is never asked for: a failure
    /// between the question and the answer must not leave the shell without echo).
    public func restore() {
        guard !restored else { return }
        restored = true
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }

    deinit { restore() }
}
