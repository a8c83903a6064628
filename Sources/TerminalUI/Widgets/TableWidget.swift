/// One row as the data source gives it.
public struct TableRow<RowID: Hashable & Sendable>: Sendable {
    public var id: RowID
    public var cells: [String]
    /// Drawn in the inactive style (an inactive tracker, say).
    public var dimmed: Bool

    public init(id: RowID, cells: [String], dimmed: Bool = false) {
        self.id = id
        self.cells = cells
        self.dimmed = dimmed
    }
}

/// Draws a table: header (sort column marked ▲/▼), the visible rows with checkboxes, cursor
/// and ticked styles, and a scroll indicator; asks the data source for the visible rows only.
public enum TableWidget {
    /// Columns the checkbox `[x] ` takes at the left of each row.
    public static let checkboxWidth = 4

    /// `rows(range)` returns the rows of that range, in order.
    public static func render<RowID>(
        _ state: inout TableState<RowID>, columns: [TableColumn], checkboxes: Bool, in rect: Rect, theme: Theme,
        into buffer: inout ScreenBuffer, rows: (Range<Int>) -> [TableRow<RowID>]
    ) {
        guard rect.width > 2, rect.height > 1 else { return }
        let bodyHeight = rect.height - 1
        state.setPageSize(bodyHeight)
        let box = checkboxes ? checkboxWidth : 0
        let layout = TableColumn.layout(columns, width: rect.width - box - 1)

        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .tableHeader, theme: theme)
        var x = rect.x + box
        for (index, width) in layout {
            let sorted = state.sortColumn == index
            let title = columns[index].title + (sorted ? (state.sortDescending ? " ▼" : " ▲") : "")
            let fitted = DisplayWidth.truncate(title, to: width)
            let pad = columns[index].alignRight ? max(0, width - DisplayWidth.of(fitted)) : 0
            buffer.write(String(repeating: " ", count: pad) + DisplayWidth.fit(fitted, to: width - pad), x: x, y: rect.y, maxWidth: width,
                         role: sorted ? .tableHeaderSorted : .tableHeader, theme: theme)
            x += width + 1
        }

        let visible = state.offset..<min(state.rowCount, state.offset + bodyHeight)
        let fetched = visible.isEmpty ? [] : rows(visible)
        for (position, row) in fetched.enumerated() {
            let y = rect.y + 1 + position
            let index = visible.lowerBound + position
            let ticked = state.ticked.contains(row.id)
            let role: ThemeRole = index == state.cursor ? .tableRowCursor : ticked ? .tableRowSelected : row.dimmed ? .tableRowInactive : .tableRow
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width - 1, height: 1), role: role, theme: theme)
            if checkboxes { buffer.write(ticked ? "[x]" : "[ ]", x: rect.x, y: y, role: role, theme: theme) }
            var x = rect.x + box
            for (column, width) in layout {
                let text = column < row.cells.count ? row.cells[column] : ""
                let fitted = DisplayWidth.truncate(text, to: width)
                let pad = columns[column].alignRight ? max(0, width - DisplayWidth.of(fitted)) : 0
                buffer.write(fitted, x: x + pad, y: y, maxWidth: width - pad, role: role, theme: theme)
                x += width + 1
            }
        }
        for y in (rect.y + 1 + fetched.count)..<rect.maxY {
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width - 1, height: 1), role: .tableRow, theme: theme)
        }
        drawScrollbar(state, x: rect.maxX - 1, top: rect.y + 1, height: bodyHeight, theme: theme, into: &buffer)
    }

    /// A thumb on a track in the last column, sized and placed by what is in view.
    static func drawScrollbar<RowID>(_ state: TableState<RowID>, x: Int, top: Int, height: Int, theme: Theme, into buffer: inout ScreenBuffer) {
        guard height > 0 else { return }
        guard state.rowCount > height else {
            for y in top..<(top + height) { buffer.write(" ", x: x, y: y, role: .tableScrollbar, theme: theme) }
            return
        }
        let thumb = max(1, height * height / state.rowCount)
        let start = (height - thumb) * state.offset / max(1, state.rowCount - height)
        for row in 0..<height {
            buffer.write(row >= start && row < start + thumb ? "█" : "│", x: x, y: top + row, role: .tableScrollbar, theme: theme)
        }
    }
}
