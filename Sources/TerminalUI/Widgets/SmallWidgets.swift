/// Checkbox, radio group and button: one line each, focus shown by the theme.
public enum CheckboxWidget {
    /// `[x] Label`; returns the cells used.
    @discardableResult
    public static func render(_ label: String, checked: Bool, focused: Bool, x: Int, y: Int, maxWidth: Int? = nil,
                              theme: Theme, into buffer: inout ScreenBuffer) -> Int {
        buffer.write("[\(checked ? "x" : " ")] \(label)", x: x, y: y, maxWidth: maxWidth,
                     role: focused ? .checkboxFocused : .checkbox, theme: theme)
    }
}

public enum RadioGroupWidget {
    /// `(•) First  ( ) Second …` on one line; the focused group shows its choice in the focus style.
    @discardableResult
    public static func render(_ options: [String], selected: Int, focused: Bool, x: Int, y: Int, maxWidth: Int? = nil,
                              theme: Theme, into buffer: inout ScreenBuffer) -> Int {
        var column = x
        let limit = x + (maxWidth ?? buffer.width - x)
        for (index, option) in options.enumerated() {
            let role: ThemeRole = index == selected && focused ? .checkboxFocused : .checkbox
            column += buffer.write("(\(index == selected ? "•" : " ")) \(option)", x: column, y: y, maxWidth: max(0, limit - column), role: role, theme: theme)
            column += buffer.write("  ", x: column, y: y, maxWidth: max(0, limit - column), role: .dialog, theme: theme)
        }
        return column - x
    }
}

public enum ButtonWidget {
    /// `[ Label ]`; returns the cells used (for mouse hit areas).
    @discardableResult
    public static func render(_ label: String, focused: Bool, x: Int, y: Int, theme: Theme, into buffer: inout ScreenBuffer) -> Int {
        buffer.write("[ \(label) ]", x: x, y: y, role: focused ? .buttonFocused : .button, theme: theme)
    }
}
