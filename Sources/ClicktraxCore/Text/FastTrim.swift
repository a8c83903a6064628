import Foundation

/// `trimmingCharacters(in:)` for white space, without its cost when there is nothing to trim —
/// nearly always: Foundation bridges every string to UTF-16 to look at its ends, and an import
/// trims several fields of a million rows.
public enum FastTrim {
    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces`).
    public static func whitespace(_ text: String, newlines: Bool = true) -> String {
        needsTrimming(text) ? text.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces) : text
    }

    /// White space at either end (a newline too: then Foundation decides, as before).
    static func needsTrimming(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        // Printable ASCII at both ends: nothing to trim, no table asked.
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return false }
        guard let head = text.unicodeScalars.first, let tail = text.unicodeScalars.last else { return false }
        return head.properties.isWhitespace || tail.properties.isWhitespace
    }
}
