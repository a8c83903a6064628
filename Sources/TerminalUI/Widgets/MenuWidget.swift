/// Draws a dropdown under its button: a framed list of bindings — each its label and first key —
/// the focused item highlighted, disabled items dimmed. Returns the rectangle drawn (for mouse
/// hits: item i is at y = rect.y + 1 + i).
public enum MenuWidget {
    /// The key an item shows: its first (`Del` for Delete, which reads long in a menu).
    static func shortcut<Action>(_ item: Binding<Action>) -> String {
        guard let key = item.keys.first else { return "" }
        return key == KeyPress(.delete) ? "Del" : key.description
    }

    public static func size<Action>(of items: [Binding<Action>]) -> (width: Int, height: Int) {
        let widest = items.map { DisplayWidth.of($0.label) + 2 + DisplayWidth.of(shortcut($0)) }.max() ?? 0
        return (widest + 4, items.count + 2)
    }

    @discardableResult
    public static func render<Action>(_ items: [Binding<Action>], focused: Int?, x: Int, y: Int, theme: Theme,
                                      into buffer: inout ScreenBuffer) -> Rect {
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
            let key = shortcut(item)
            let gap = max(1, inner - 2 - DisplayWidth.of(item.label) - DisplayWidth.of(key))
            let line = " " + item.label + String(repeating: " ", count: gap) + key + " "
            buffer.write(DisplayWidth.fit(line, to: inner), x: rect.x + 1, y: row, maxWidth: inner,
                         role: index == focused && item.disabledReason != nil ? .menuItemFocused : role, theme: theme)
            buffer.write("│", x: rect.maxX - 1, y: row, role: .menu, theme: theme)
        }
        return rect
    }
}
