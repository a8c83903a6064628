/// Draws a text field: the visible part of the text (or the placeholder), the cursor when
/// focused, the error style when the field has an error.
public enum TextFieldWidget {
    public static func render(_ state: inout TextFieldState, in rect: Rect, focused: Bool, theme: Theme, into buffer: inout ScreenBuffer) {
        guard rect.width > 0, rect.height > 0 else { return }
        state.scrollToCursor(width: rect.width)
        let role: ThemeRole = state.error != nil ? .fieldError : (focused ? .fieldFocused : .field)
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: role, theme: theme)
        if state.characters.isEmpty && !state.placeholder.isEmpty && !focused {
            buffer.write(state.placeholder, x: rect.x, y: rect.y, maxWidth: rect.width, role: .fieldPlaceholder, theme: theme)
        } else {
            // Unfocused, a field shows its beginning; focused, the part around the cursor — only
            // as many characters as can take its cells (a character takes at least none, at most two).
            let from = focused ? state.scroll : 0
            let visible = String(state.characters[from..<min(state.characters.count, from + rect.width * 4 + 8)])
            buffer.write(visible, x: rect.x, y: rect.y, maxWidth: rect.width, role: role, theme: theme)
        }
        if focused {
            let offset = DisplayWidth.of(String(state.characters[state.scroll..<state.cursor]))
            buffer.cursor = (rect.x + min(offset, rect.width - 1), rect.y)
        }
    }
}
