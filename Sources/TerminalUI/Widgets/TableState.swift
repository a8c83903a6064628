/// A table's state over rows it does not hold: how many there are, which is current, which
/// are ticked, what is scrolled into view, how it is sorted. Rows are fetched by the data
/// source for the visible range only, so a million rows cost what a screenful does.
public struct TableState<RowID: Hashable & Sendable>: Sendable, Equatable {
    public var rowCount: Int { didSet { clamp() } }
    /// The current row (the cursor), 0-based.
    public private(set) var cursor = 0
    /// The first row drawn.
    public private(set) var offset = 0
    /// Ticked rows, by id, so ticks survive sorting, filtering and reloading.
    public var ticked: Set<RowID> = []
    public var sortColumn: Int?
    public var sortDescending = false
    /// Rows visible at the last render.
    public private(set) var pageSize = 10

    public init(rowCount: Int = 0) { self.rowCount = rowCount }

    public mutating func moveCursor(by delta: Int) { setCursor(cursor + delta) }
    public mutating func moveToTop() { setCursor(0) }
    public mutating func moveToBottom() { setCursor(rowCount - 1) }
    public mutating func pageDown() { moveCursor(by: max(1, pageSize - 1)) }
    public mutating func pageUp() { moveCursor(by: -max(1, pageSize - 1)) }

    public mutating func setCursor(_ row: Int) {
        cursor = max(0, min(rowCount - 1, row))
        scrollToCursor()
    }

    /// Scrolls by `delta` rows (the mouse wheel), taking the cursor along when it would leave the view.
    public mutating func scroll(by delta: Int) {
        offset = max(0, min(max(0, rowCount - pageSize), offset + delta))
        if cursor < offset { cursor = offset }
        if cursor >= offset + pageSize { cursor = offset + pageSize - 1 }
        clamp()
    }

    public mutating func toggle(_ id: RowID) {
        if ticked.contains(id) { ticked.remove(id) } else { ticked.insert(id) }
    }

    /// Sorts by `column`; the same column again reverses the order.
    public mutating func sort(by column: Int) {
        if sortColumn == column { sortDescending.toggle() } else { sortColumn = column; sortDescending = false }
    }

    public mutating func setPageSize(_ rows: Int) {
        pageSize = max(1, rows)
        scrollToCursor()
    }

    private mutating func scrollToCursor() {
        if cursor < offset { offset = cursor }
        if cursor >= offset + pageSize { offset = cursor - pageSize + 1 }
        clamp()
    }

    private mutating func clamp() {
        cursor = max(0, min(cursor, rowCount - 1))
        offset = max(0, min(offset, max(0, rowCount - pageSize)))
    }
}
