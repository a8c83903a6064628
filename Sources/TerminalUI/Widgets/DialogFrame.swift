/// A dialog's box: a border, the title in it, the inside cleared. Returns the inner area.
public enum DialogFrame {
    @discardableResult
    public static func render(title: String, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) -> Rect {
        guard rect.width >= 4, rect.height >= 3 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        buffer.fill(rect, role: .dialog, theme: theme)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: .dialogBorder, theme: theme)
        buffer.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: .dialogBorder, theme: theme)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.write("│", x: rect.x, y: y, role: .dialogBorder, theme: theme)
            buffer.write("│", x: rect.maxX - 1, y: y, role: .dialogBorder, theme: theme)
        }
        if !title.isEmpty {
            buffer.write(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, role: .dialogTitle, theme: theme)
        }
        return Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
    }
}
