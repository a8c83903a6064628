/// Text from outside (the network, a file, a helper's stderr, an environment variable) made
/// safe to print on a terminal: control and format characters (escape sequences, bidi
/// overrides, a carriage return that would overwrite the line) become spaces, and it is cut to
/// a length, so a 50 MB header is never echoed.
public enum TerminalSafe {
    public static func clip(_ text: String, _ limit: Int) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map(visible)))
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }

    /// A message of one or more lines for stderr: each line made safe and cut to `lineLimit`
    /// characters, at most `maxLines` lines (the rest counted). Line breaks stay line breaks.
    public static func message(_ text: String, lineLimit: Int = 1_000, maxLines: Int = 60) -> String {
        // The common case — printable ASCII, short lines — is returned as it is.
        if text.utf8.count <= lineLimit && text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept = lines.prefix(maxLines).map { clip(String($0), lineLimit) }
        if lines.count > maxLines { kept.append("… and \(lines.count - maxLines) more lines") }
        return kept.joined(separator: "\n")
    }

    private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: " "
        default: scalar
        }
    }
}
