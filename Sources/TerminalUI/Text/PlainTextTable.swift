/// A table as plain text for a command's output: a header, aligned columns measured in terminal
/// cells, long values cut with "…", every value made terminal-safe.
public struct PlainTextTable {
    public struct Column: Sendable {
        public var title: String
        /// Values longer than this are cut.
        public var maxWidth: Int
        public var alignRight: Bool

        public init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = maxWidth
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, one line per row, each ending with a newline; columns two spaces apart.
    public func render() -> String {
        let cells = rows.map { row in
            columns.indices.map { index in
                DisplayWidth.truncate(TerminalSafeText.sanitize(index < row.count ? row[index] : ""), to: columns[index].maxWidth)
            }
        }
        let widths = columns.indices.map { index in
            max(DisplayWidth.of(columns[index].title), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
        }
        var output = ""
        func line(_ values: [String]) {
            var parts: [String] = []
            for (index, value) in values.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(value)))
                parts.append(columns[index].alignRight ? padding + value : value + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            output += text + "\n"
        }
        line(columns.map(\.title))
        cells.forEach(line)
        return output
    }
}
