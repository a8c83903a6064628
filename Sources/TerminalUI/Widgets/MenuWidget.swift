/// A dropdown menu's items: a label, the key that picks it, and why it is disabled, if it is.
public struct MenuItem: Sendable, Equatable {
    public var label: String
    public var shortcut: String
    public var disabledReason: String?

    public init(_ label: String, shortcut: String = "", disabledReason: String? = nil) {
        self.label = label
        self.shortcut = shortcut
        self.disabledReason = disabledReason
    }
}

/// Draws a dropdown under its button: a framed list, the focused item highlighted, disabled
/// items dimmed. Returns the rectangle drawn (for mouse hits: item i is at y = rect.y + 1 + i).
public enum MenuWidget {
    public static func size(of items: [MenuItem]) -> (width: Int, height: Int) {
        let widest = items.map { DisplayWidth.of($0.label) + 2 + DisplayWidth.of($0.shortcut) }.max() ?? 0
        return (widest + 4, items.count + 2)
    }

    @discardableResult
    public static func render(_ items: [MenuItem], focused: Int?, x: Int, y: Int, theme: Theme, into buffer: inout ScreenBuffer) -> Rect {
        let (width, height) = size(of: items)
        let rect = Rect(x: max(0, min(x, buffer.width - width)), y: y, width: width, height: height)
        buffer.fill(rect, role: .menu, theme: theme)
        let horizontal = String(repeating: "─", count: width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: .menu, theme: theme)
        buffer.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: .menu, theme: theme)
        for (index, item) in items.enumerated() {
            let row = rect.y + 1 + index
            let role: ThemeRole = item.disabledReason != nil ? .menuItemDisabled : index == focused ? .menuItemFocused : .menu
            buffer.write("│", x: rect.x, y: row, role: .menu, theme: theme)
            let inner = width - 2
            let gap = max(1, inner - 2 - DisplayWidth.of(item.label) - DisplayWidth.of(item.shortcut))
            let line = " " + item.label + String(repeating: " ", count: gap) + item.shortcut + " "
            buffer.write(DisplayWidth.fit(line, to: inner), x: rect.x + 1, y: row, maxWidth: inner,
                         role: index == focused && item.disabledReason != nil ? .menuItemFocused : role, theme: theme)
            buffer.write("│", x: rect.maxX - 1, y: row, role: .menu, theme: theme)
        }
        return rect
    }
}
