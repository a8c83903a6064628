/// How many terminal cells text takes: East Asian wide and fullwidth characters and emoji take
/// two, combining marks and invisible format characters none, the rest one. Computed from the
/// text itself, not from the C library's `wcwidth`, so it does not depend on the locale.
public enum DisplayWidth {
    /// Cells taken by one grapheme cluster (what a person sees as one character).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // An emoji sequence (ZWJ family, flag, keycap, emoji + VS16) is drawn as one wide glyph.
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D })
            && scalars.contains(where: { $0.properties.isEmoji && $0.value > 0xFF }) {
            return 2
        }
        if scalars.count > 1 && scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) { return 2 }
        return of(first)
    }

    /// Cells taken by a single code point.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Cells taken by a string.
    public static func of(_ text: String) -> Int {
        // Plain text is a cell a code point: walking Characters (grapheme breaking) was most of
        // the time of a million-row table.
        if TerminalSafeText.isPrintableASCII(text) { return text.utf8.count }
        if TerminalSafeText.isPlain(text) { return text.unicodeScalars.count }
        var width = 0
        for character in text { width += of(character) }
        return width
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B16F, 0x1F004, 0x1F0CF, 0x1F18E,
             0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` cells, with "…" in the last cell when
    /// something was cut. A wide character is never cut in half. Measured as it will be drawn
    /// (`TerminalSafeText`): a bidi override takes no cell but the "�" shown for it takes one,
    /// and measuring the original pushed the "…" out of its cell (HostileTextEndToEndTests).
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if TerminalSafeText.isPlain(text) {
            // A cell a code point, nothing to make safe: cut by code points.
            let scalars = text.unicodeScalars
            guard let cut = scalars.index(scalars.startIndex, offsetBy: width, limitedBy: scalars.endIndex),
                  cut != scalars.endIndex else { return text }
            return String(scalars[..<scalars.index(before: cut)]) + "…"
        }
        let text = TerminalSafeText.sanitize(text)
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// The longest prefix of `text` that fits in `width` cells, cut with no mark (a tag's line
    /// scrolled sideways: a `…` inside it would be taken for part of the tag); whether it was cut.
    public static func prefix(_ text: String, cells width: Int) -> (text: String, cut: Bool) {
        let text = TerminalSafeText.sanitize(text)
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width { return (result, true) }
            result.append(character)
            used += w
        }
        return (result, false)
    }

    /// `text` truncated or padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
