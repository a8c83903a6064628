/// A table as plain text for a command's output: a header, aligned columns measured in terminal
/// cells, long values cut with "…", every value made terminal-safe.
public struct PlainTextTable {
    public struct Column: Sendable {
        public var title: String
        /// Values longer than this are cut.
        public var maxWidth: Int
        /// The narrowest the column gets when the table must fit a terminal; nil: never narrower
        /// than its values (IDs, dates).
        public var minWidth: Int?
        /// When even the narrowest columns do not fit, the lowest priority goes first;
        /// nil: never dropped.
        public var dropPriority: Int?
        public var alignRight: Bool

        public init(_ title: String, maxWidth: Int = 40, minWidth: Int? = nil, dropPriority: Int? = nil, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = maxWidth
            self.minWidth = minWidth
            self.dropPriority = dropPriority
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, one line per row, each ending with a newline; columns two spaces apart.
    /// With `totalWidth` (a terminal's columns) it fits: the widest shrinkable columns give up
    /// cells down to their minimum, then the lowest-priority columns are left out.
    public func render(totalWidth: Int? = nil) -> String {
        let safe = rows.map { row in
            columns.indices.map { index in TerminalSafeText.sanitize(index < row.count ? row[index] : "") }
        }
        var widths = columns.indices.map { index in
            min(columns[index].maxWidth,
                max(DisplayWidth.of(columns[index].title), safe.map { DisplayWidth.of($0[index]) }.max() ?? 0))
        }
        var shown = Array(columns.indices)
        if let totalWidth {
            fit(&widths, &shown, into: totalWidth)
        }
        var output = ""
        func line(_ values: [String]) {
            var parts: [String] = []
            for index in shown {
                let value = DisplayWidth.truncate(values[index], to: widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(value)))
                parts.append(columns[index].alignRight ? padding + value : value + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            output += text + "\n"
        }
        line(columns.map(\.title))
        safe.forEach(line)
        return output
    }

    private func fit(_ widths: inout [Int], _ shown: inout [Int], into totalWidth: Int) {
        func needed() -> Int { shown.reduce(0) { $0 + widths[$1] } + 2 * max(0, shown.count - 1) }
        func floor(_ index: Int) -> Int {
            guard let minWidth = columns[index].minWidth else { return widths[index] }
            return min(widths[index], max(minWidth, DisplayWidth.of(columns[index].title)))
        }
        // First leave out what cannot fit even at its narrowest, then shrink the widest.
        func neededAtMinimum() -> Int { shown.reduce(0) { $0 + floor($1) } + 2 * max(0, shown.count - 1) }
        while neededAtMinimum() > totalWidth,
              let lowest = shown.filter({ columns[$0].dropPriority != nil })
                  .min(by: { columns[$0].dropPriority! < columns[$1].dropPriority! }) {
            shown.removeAll { $0 == lowest }
        }
        while needed() > totalWidth,
              let widest = shown.filter({ widths[$0] > floor($0) }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }
    }
}
