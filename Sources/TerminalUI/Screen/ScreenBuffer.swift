/// A frame: width × height cells that widgets render into, pure and terminal-free. The
/// backend compares it with the previous frame and writes only what changed (`ScreenDiff`).
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should show (a focused text field), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills `rect` (clipped to the buffer) with blanks of the role's style; a role without a
    /// background of its own keeps the one under it (as `write` does), so nothing inside a
    /// dialog shows the terminal's background.
    public mutating func fill(_ rect: Rect, role: ThemeRole, theme: Theme) {
        let style = theme.style(role)
        let columns = max(0, rect.x)..<min(width, rect.maxX)
        guard !columns.isEmpty else { return }
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            // A wide character across either edge loses its other half too, never leaving half
            // of one on screen (the terminal would blank it; this frame would still hold it).
            clearWide(at: columns.lowerBound, y: y)
            clearWide(at: columns.upperBound - 1, y: y)
            for x in columns {
                var cellStyle = style
                if style.background == .terminalDefault { cellStyle.background = self[x, y].style.background }
                self[x, y] = Cell(" ", style: cellStyle, width: 1, role: role)
            }
        }
    }

    /// Writes text from (x, y), at most `maxWidth` cells (default: to the edge), made
    /// terminal-safe; text that does not fit is cut with `…` in its last cell (never half a
    /// wide character). Returns the cells used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: ThemeRole, theme: Theme) -> Int {
        write(text, x: x, y: y, maxWidth: maxWidth, style: theme.style(role), role: role)
    }

    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style, role: ThemeRole?) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in TerminalSafeText.sanitize(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A zero-width character joins the cell before it (combining marks arrive as
                // part of their grapheme already; this is ZWSP and the like): drop it.
                continue
            }
            if column + w > limit {
                // Cut: the last cell says so, whatever was cut (a wide character, a word).
                let last = limit - 1
                if last >= x, last >= 0 {
                    if column <= last { column = last + 1 }
                    var cellStyle = style
                    if style.background == .terminalDefault { cellStyle.background = self[last, y].style.background }
                    clearWide(at: last, y: y)
                    self[last, y] = Cell("…", style: cellStyle, width: 1, role: role)
                }
                break
            }
            if column >= 0 {
                // A role without a background of its own takes the one it is written on, so a
                // label inside a dialog has the dialog's background, not the terminal's.
                var cellStyle = style
                if style.background == .terminalDefault { cellStyle.background = self[column, y].style.background }
                clearWide(at: column, y: y)
                if w == 2 { clearWide(at: column + 1, y: y) }
                self[column, y] = Cell(character, style: cellStyle, width: w, role: role)
                if w == 2 { self[column + 1, y] = Cell(" ", style: cellStyle, width: 0, role: role) }
            }
            column += w
        }
        return column - x
    }

    /// Overwriting half of a wide character blanks its other half, so none is ever cut.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let cell = self[x, y]
        if cell.width == 2 && x + 1 < width { self[x + 1, y] = Cell(" ", style: cell.style, width: 1, role: cell.role) }
        if cell.width == 0 && x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style, width: 1, role: self[x - 1, y].role) }
    }

    /// The rows as text (a wide character once, its continuation skipped): for tests and
    /// golden screens.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            return line
        }
    }

    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
    }
}
