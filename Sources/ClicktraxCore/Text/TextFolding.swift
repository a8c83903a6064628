import Foundation

/// Folds text for searching: case-, accent- and width-insensitive ("Café" and "CAFE" and
/// "ｃａｆｅ" all fold to "cafe"). CJK passes through unchanged.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        // Most catalog names are plain ASCII: lowercasing is all they need, and far cheaper
        // than Foundation's folding — this runs once per line item on a million-item load.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// The words of a search query, folded; white space separates them.
    public static func words(of query: String) -> [String] {
        fold(query).split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
