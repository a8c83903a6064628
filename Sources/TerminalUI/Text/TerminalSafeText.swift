/// Makes data safe to print on a terminal: a name holding `ESC [ 2 J` or a bidi override must
/// show as inert text, never act on the terminal or reorder what surrounds it.
public enum TerminalSafeText {
    /// Control characters (C0, DEL, C1: escape sequences start with them) and bidirectional
    /// controls become U+FFFD; line breaks and tabs become a space; other invisible format
    /// characters (zero-width space and joiner, soft hyphen, BOM) are dropped — terminals
    /// disagree on them (tmux let a zero-width joiner swallow the rest of a table cell, seen in
    /// HostileTextEndToEndTests), and no one can see them anyway.
    public static func sanitize(_ text: String) -> String {
        if isPlain(text) { return text }
        guard text.unicodeScalars.contains(where: { needsReplacing($0) || isInvisibleFormat($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                scalars.append(" ")
            } else if needsReplacing(scalar) {
                scalars.append("\u{FFFD}")
            } else if !isInvisibleFormat(scalar) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
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
