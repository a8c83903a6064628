import Foundation

/// Whether the terminal draws on a light or a dark background, for `theme = "auto"`: xterm's
/// default is black on white, where a theme made for dark backgrounds looks patchy.
public enum TerminalBackground: Sendable, Equatable {
    case light, dark

    /// What the terminal's reply to `BackgroundQuestion` says (OSC 11; nil: it gave none), else
    /// what `COLORFGBG` says (rxvt, Konsole and others set it); nil when neither says.
    public static func from(_ reply: [UInt8]?, environment: [String: String]) -> TerminalBackground? {
        if let reply, let answer = fromReply(reply) { return answer }
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
