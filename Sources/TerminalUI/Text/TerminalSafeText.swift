/// Makes data safe to print on a terminal: a name holding `ESC [ 2 J` or a bidi override must
/// show as inert text, never act on the terminal or reorder what surrounds it.
public enum TerminalSafeText {
    /// Control characters (C0, DEL: escape sequences start with them) become their visible
    /// stand-ins from Unicode's Control Pictures — a tab `␉`, a line break `␊`, an escape `␛` —
    /// one cell each, so a value Invest holds with a tab in it shows the tab, and columns stay
    /// put (RULES.md §10). C1 controls and bidirectional controls become U+FFFD; the line and
    /// paragraph separators `␤`. Other invisible format characters (zero-width space and joiner,
    /// soft hyphen, BOM) are dropped — terminals disagree on them (tmux let a zero-width joiner
    /// swallow the rest of a table cell, seen in HostileTextEndToEndTests), and no one can see
    /// them anyway.
    public static func sanitize(_ text: String) -> String {
        if isPlain(text) { return text }
        guard text.unicodeScalars.contains(where: { needsReplacing($0) || isInvisibleFormat($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsReplacing(scalar) {
                scalars.append(standIn(scalar))
            } else if !isInvisibleFormat(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// What a character that must not reach the terminal is shown as.
    public static func standIn(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        // U+2400 SYMBOL FOR NULL … U+241F SYMBOL FOR UNIT SEPARATOR, in the order of C0.
        case 0..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        case 0x2028, 0x2029: "\u{2424}"
        default: "\u{FFFD}"
        }
    }

    /// Only code points that need no replacing, are never invisible, never combine and take
    /// one cell each: printable ASCII, Latin-1 and Latin Extended (but the soft hyphen), the
    /// dashes and quotes of General Punctuation. The fast path of `sanitize` and
    /// `DisplayWidth.of`: asking each scalar's Unicode properties was most of the time of a
    /// million-row table.
    static func isPlain(_ text: String) -> Bool {
        if isPrintableASCII(text) { return true }
        return text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (0x20..<0x7F).contains(value) || ((0xA0..<0x300).contains(value) && value != 0xAD)
                || (0x2010...0x2027).contains(value)
        }
    }

    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && scalar.properties.generalCategory == .format
    }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return true }
        // LRM, RLM, ALM, the embeddings and overrides, the isolates.
        return value == 0x200E || value == 0x200F || value == 0x061C || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
    }
}
