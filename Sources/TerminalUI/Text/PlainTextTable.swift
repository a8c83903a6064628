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
        let safe = rows.map(safeValues)
        var widths = Widths(columns)
        safe.forEach { widths.measure(safe: $0) }
        let layout = layout(widths, totalWidth: totalWidth)
        var output = line(columns.map(\.title), layout)
        for row in safe { output += line(row, layout) }
        return output
    }

    /// The widest value of each column so far (cut at its `maxWidth`), for a table measured
    /// row by row and written in a second pass: a million rows are never held at once.
    public struct Widths: Sendable {
        fileprivate var cells: [Int]
        fileprivate let limits: [Int]

        public init(_ columns: [Column]) {
            cells = columns.map { DisplayWidth.of($0.title) }
            limits = columns.map(\.maxWidth)
        }

        public mutating func measure(_ row: [String]) { measure(safe: row.map(TerminalSafeText.sanitize)) }

        fileprivate mutating func measure(safe row: [String]) {
            for index in cells.indices where cells[index] < limits[index] {
                cells[index] = max(cells[index], min(limits[index], DisplayWidth.of(index < row.count ? row[index] : "")))
            }
        }
    }

    /// Which columns are shown, and how wide.
    public struct Layout: Sendable {
        fileprivate var widths: [Int]
        fileprivate var shown: [Int]
    }

    public func layout(_ measured: Widths, totalWidth: Int?) -> Layout {
        var widths = zip(measured.cells, columns).map { min($0, $1.maxWidth) }
        var shown = Array(columns.indices)
        if let totalWidth { fit(&widths, &shown, into: totalWidth) }
        return Layout(widths: widths, shown: shown)
    }

    /// The header line of a table laid out by `layout`.
    public func header(_ layout: Layout) -> String { line(columns.map(\.title), layout) }

    /// One row as its line (made terminal-safe), newline included.
    public func line(for row: [String], _ layout: Layout) -> String { line(safeValues(row), layout) }

    private func safeValues(_ row: [String]) -> [String] {
        columns.indices.map { index in TerminalSafeText.sanitize(index < row.count ? row[index] : "") }
    }

    private func line(_ values: [String], _ layout: Layout) -> String {
        var text = ""
        var first = true
        for index in layout.shown {
            if !first { text += "  " }
            first = false
            let width = layout.widths[index]
            let value = DisplayWidth.truncate(values[index], to: width)
            let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(value)))
            text += columns[index].alignRight ? padding + value : value + padding
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
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
