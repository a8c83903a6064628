import Foundation

/// Whether the terminal draws on a light or a dark background, for `theme = "auto"`: xterm's
/// default is black on white, where a theme made for dark backgrounds looks patchy.
public enum TerminalBackground: Sendable, Equatable {
    case light, dark

    /// Asks the terminal its background colour (OSC 11), else reads `COLORFGBG` (rxvt, Konsole
    /// and others set it); nil when neither says.
    public static func detect(environment: [String: String], timeoutMilliseconds: Int = 150) -> TerminalBackground? {
        if let reply = askTheTerminal(timeoutMilliseconds: timeoutMilliseconds), let answer = fromReply(reply) { return answer }
        return environment["COLORFGBG"].flatMap(fromColorFGBG)
    }

    /// `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (ended by BEL or ESC \, each part 1–4 hex digits), the
    /// answer to OSC 11, anywhere in `bytes`.
    public static func fromReply(_ bytes: [UInt8]) -> TerminalBackground? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\u{1B}]11;rgb:") else { return nil }
        let rest = text[start.upperBound...].prefix { $0 != "\u{07}" && $0 != "\u{1B}" }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var channels: [Double] = []
        for part in parts {
            guard (1...4).contains(part.count), let value = UInt32(part, radix: 16) else { return nil }
            channels.append(Double(value) / Double((1 << (4 * part.count)) - 1))
        }
        // Perceived brightness (ITU-R BT.601 weights on the sRGB values): above half is light.
        let brightness = 0.299 * channels[0] + 0.587 * channels[1] + 0.114 * channels[2]
        return brightness > 0.5 ? .light : .dark
    }

    /// `COLORFGBG="fg;bg"` (or `fg;default;bg`): the last part is the background's ANSI colour;
    /// 0–6 and 8 are dark, 7 and 9–15 light (rxvt's convention, which vim follows).
    public static func fromColorFGBG(_ value: String) -> TerminalBackground? {
        guard let last = value.split(separator: ";").last, let number = Int(last), (0...15).contains(number) else { return nil }
        return number <= 6 || number == 8 ? .dark : .light
    }

    /// Sends OSC 11 then DA1 (`ESC [ c`, which every terminal answers) and reads until DA1's
    /// answer comes or the time is up: a terminal that does not know OSC 11 costs no wait, and
    /// nothing of an answer is left behind to be read as keys. Before ncurses takes the terminal.
    static func askTheTerminal(timeoutMilliseconds: Int) -> [UInt8]? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // Flow control off too: a Ctrl-S typed before the app started (the soak found it) has
        // stopped the terminal's output, and the query's write would wait for a Ctrl-Q forever.
        // Clearing IXON lets the output go again, as curses' raw mode does a moment later.
        quiet.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0 else { return nil }
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        let query = "\u{1B}]11;?\u{1B}\\\u{1B}[c"
        guard query.withCString({ write(STDOUT_FILENO, $0, strlen($0)) }) > 0 else { return nil }
        var reply: [UInt8] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeoutMilliseconds) * 1_000_000
        while !endsWithDeviceAttributes(reply) {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32((deadline - now) / 1_000_000) + 1) > 0 else { break }
            var chunk = [UInt8](repeating: 0, count: 256)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            guard count > 0 else { break }
            reply += chunk[0..<count]
        }
        return reply
    }

    /// DA1's answer: `ESC [ ? … c`.
    static func endsWithDeviceAttributes(_ bytes: [UInt8]) -> Bool {
        guard let start = findLast([0x1B, 0x5B, 0x3F], in: bytes) else { return false }
        return bytes[(start + 3)...].contains(0x63)
    }

    private static func findLast(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1) where Array(bytes[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }
}
