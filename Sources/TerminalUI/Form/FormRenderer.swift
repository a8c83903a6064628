/// Draws a form — every field of its layout as the dialog's `FormFieldView` says, then the
/// button row and its hint line — and answers what the mouse hit, from the same layout. One
/// renderer for every form, so a field of a kind looks and behaves the same in each.
public enum FormRenderer {
    /// Draws the fields; returns where the focused text field's cursor is, if one has the focus.
    @discardableResult
    public static func render<Field>(_ layout: FormLayout<Field>, focus: Field?, view: (Field) -> FormFieldView, theme: Theme,
                                     into buffer: inout ScreenBuffer) -> (x: Int, y: Int)? {
        var cursor: (x: Int, y: Int)?
        for line in layout.lines {
            let field = view(line.field)
            let focused = focus == line.field
            if let heading = field.heading {
                buffer.write(heading, x: line.label.x, y: line.label.y - 1, maxWidth: line.value.maxX - line.label.x, role: .dialogTitle,
                             theme: theme)
            }
            if !line.inline && !field.fromLabelColumn && !field.label.isEmpty {
                FormWidget.label(field.label, focused: focused, in: line.label, theme: theme, into: &buffer)
            }
            let x = field.fromLabelColumn ? line.label.x : line.value.x
            let width = line.value.maxX - x
            let row = line.value.y
            switch field.value {
            case .text(var state, let maxWidth):
                if let below = field.below, below.isError { state.error = below.text }
                TextFieldWidget.render(&state, in: Rect(x: x, y: row, width: min(width, maxWidth), height: 1), focused: focused,
                                       theme: theme, into: &buffer)
                if focused { cursor = buffer.cursor }
            case .checkbox(let label, let checked):
                CheckboxWidget.render(label, checked: checked, focused: focused, x: x, y: row, maxWidth: width, theme: theme, into: &buffer)
            case .section(let open, let closed, let isOpen):
                buffer.write(isOpen ? "▾ " + open : "▸ " + closed, x: x, y: row, maxWidth: width,
                             role: focused ? .buttonFocused : .button, theme: theme)
            case .radio(let options, let selected):
                RadioGroupWidget.render(options, selected: selected, focused: focused, x: x, y: row, maxWidth: width, theme: theme,
                                        into: &buffer)
            case .choice(let value, let placeholder):
                let button = ButtonWidget.render("Edit", focused: focused, x: x, y: row, theme: theme, into: &buffer)
                let textX = x + button + 1
                if let error = field.inlineError {
                    buffer.write("↳ " + error, x: textX, y: row, maxWidth: max(0, line.value.maxX - textX), role: .textError, theme: theme)
                } else {
                    buffer.write(value ?? placeholder, x: textX, y: row, maxWidth: max(0, line.value.maxX - textX),
                                 role: value == nil ? .textMuted : .dialog, theme: theme)
                }
            }
            if let aside = field.aside {
                buffer.write(aside, x: line.value.x, y: row, maxWidth: line.value.width, role: .textMuted, theme: theme)
            }
            if let below = field.below, let rect = line.second {
                FormWidget.below(below.text, isError: below.isError, in: rect, theme: theme, into: &buffer)
            }
        }
        return cursor
    }

    /// The button row (the focused one marked) and the dialog's keys after it, up to `maxX`.
    public static func renderButtons(_ row: ButtonRow, focused: Int?, hints: String, maxX: Int, theme: Theme,
                                     into buffer: inout ScreenBuffer) {
        row.render(focused: focused, theme: theme, into: &buffer)
        buffer.write(whole(hints, width: max(0, maxX - row.maxX - 2)), x: row.maxX + 2, y: row.areas[0].y, role: .textMuted, theme: theme)
    }

    /// As many whole hints (`·`-separated) as fit: a hint is never shown cut (the help lists all).
    public static func whole(_ hints: String, width: Int) -> String {
        var shown = ""
        for hint in hints.components(separatedBy: " · ") {
            let next = shown.isEmpty ? hint : shown + " · " + hint
            guard DisplayWidth.of(next) <= width else { break }
            shown = next
        }
        return shown
    }

    /// The hint line of a form: the dialog's own keys, the focus moves, and the keys of the
    /// kinds of field it has.
    public static func hints<Action>(_ own: [Binding<Action>], kinds: [FormFieldKind]) -> String {
        var parts = [Binding.hintLine(own), Binding.hintLine(FormMove.bindings)]
        if kinds.contains(.choice) { parts.append("Enter pick") }
        if kinds.contains(.toggle) { parts.append("Space tick/open") }
        if kinds.contains(.radio) { parts.append("←→ choose") }
        return parts.joined(separator: " · ")
    }
}
