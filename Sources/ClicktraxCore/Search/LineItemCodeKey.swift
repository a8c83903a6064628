/// A line item's code as the search matches its start: ASCII letters lowercased, and the
/// separators (`-`, `_`, `.`, space) taken out — `WNK-HOL-JP-74` → `wnkholjp74`, so `wnk-hol`,
/// `WNKHOL` and `wnk_hol` all find it. Computed the same way in Swift (for the query) and in SQL
/// (for the index of migration v9).
public enum LineItemCodeKey {
    static let separators: [Character] = ["-", "_", ".", " "]

    /// The SQL expression over the `code` column; the index is on exactly this text.
    static let sql = "lower(replace(replace(replace(replace(code, '-', ''), '_', ''), '.', ''), ' ', ''))"

    public static func key(_ code: String) -> String {
        // SQLite's lower() folds only ASCII: so does this, or the keys would not meet.
        String(String.UnicodeScalarView(code.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if separators.contains(Character(scalar)) { return nil }
            if scalar.value >= 65 && scalar.value <= 90 { return Unicode.Scalar(scalar.value + 32) }
            return scalar
        }))
    }
}
