/// A form's lines, stacked: each field's label and value area, one row, plus the rows under it
/// that its error or note takes (wrapped whole), plus a blank row before a new section.
/// `render` draws into these rectangles and the mouse hit-tests the same ones.
public struct FormLayout<Field: Hashable & Sendable>: Sendable {
    public struct Line: Sendable {
        public let field: Field
        public let label: Rect
        public let value: Rect
        /// The rows under the value, for its error or note (nil when it has none).
        public let second: Rect?
        /// Drawn on the row of the line before (its value area, beside that line's box).
        public let inline: Bool
    }

    public let lines: [Line]
    /// The rows taken, from the top of the area.
    public let height: Int

    /// `inline`: fields drawn on the row of the one before (a macro's value beside its box).
    /// `rowsBelow`: how many rows a field's error or note takes under it.
    public init(_ fields: [Field], in area: Rect, labelWidth: Int, rowsBelow: (Field) -> Int = { _ in 0 },
                gapBefore: (Field) -> Bool = { _ in false }, inline: (Field) -> Bool = { _ in false }) {
        var lines: [Line] = []
        var y = area.y
        for field in fields {
            if inline(field), let previous = lines.last {
                lines.append(Line(field: field, label: previous.label, value: Rect(x: area.x + labelWidth, y: previous.value.y,
                                                                                   width: area.width - labelWidth, height: 1),
                                  second: nil, inline: true))
                continue
            }
            if gapBefore(field) { y += 1 }
            let label = Rect(x: area.x, y: y, width: labelWidth, height: 1)
            let value = Rect(x: area.x + labelWidth, y: y, width: max(0, area.width - labelWidth), height: 1)
            y += 1
            var second: Rect?
            let below = rowsBelow(field)
            if below > 0 {
                second = Rect(x: value.x, y: y, width: value.width, height: below)
                y += below
            }
            lines.append(Line(field: field, label: label, value: value, second: second, inline: false))
        }
        self.lines = lines
        height = y - area.y
    }

    public func line(_ field: Field) -> Line? { lines.first { $0.field == field } }

    /// The field a click at (x, y) is on: the value it hit, else the first on that row.
    public func field(atX x: Int, y: Int) -> Field? {
        let row = lines.filter { $0.value.y == y }
        return (row.first { $0.inline && $0.value.contains(x: x, y: y) } ?? row.first { !$0.inline })?.field
    }
}

/// Drawing a form's pieces the same way everywhere.
public enum FormWidget {
    /// A field's label; the focused field's label in the key style, so the focus shows twice.
    public static func label(_ text: String, focused: Bool, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        buffer.write(text, x: rect.x, y: rect.y, maxWidth: max(0, rect.width - 1), role: focused ? .dialogKey : .fieldLabel, theme: theme)
    }

    /// The `↳ …` lines under a field: its error, or a note, wrapped whole (`rows` says how many).
    public static func below(_ text: String, isError: Bool, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        for (row, line) in wrapped(text, width: rect.width).enumerated() where row < rect.height {
            buffer.write(line, x: rect.x, y: rect.y + row, maxWidth: rect.width, role: isError ? .textError : .textWarning, theme: theme)
        }
    }

    /// The rows an error or note takes under a field `width` cells wide.
    public static func rows(_ text: String?, width: Int) -> Int {
        text.map { wrapped($0, width: width).count } ?? 0
    }

    static func wrapped(_ text: String, width: Int) -> [String] {
        TextWrap.words("↳ " + text, width: max(1, width))
    }
}
