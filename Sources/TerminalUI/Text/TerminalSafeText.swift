/// Makes data safe to print on a terminal: a name holding `ESC [ 2 J` or a bidi override must
/// show as inert text, never act on the terminal or reorder what surrounds it.
public enum TerminalSafeText {
    /// Control characters (C0, DEL, C1: escape sequences start with them) and bidirectional
    /// controls become U+FFFD; line breaks and tabs become a space; other invisible format
    /// characters (zero-width space and joiner, soft hyphen, BOM) are dropped — terminals
    /// disagree on them (tmux let a zero-width joiner swallow the rest of a table cell, seen in
    /// HostileTextEndToEndTests), and no one can see them anyway.
    public static func sanitize(_ text: String) -> String {
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
