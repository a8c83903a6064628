import TerminalUI

/// KEYBINDINGS.md, generated from the binding tables (a test fails when the file is stale;
/// `RECORD_GOLDENS=1 swift test --filter KeyBindings` rewrites it).
public enum KeyBindingsDocument {
    public static func markdown() -> String {
        var text = """
            # Clicktrax key bindings

            Generated from the binding tables in `Sources/ClicktraxApp`; do not edit by hand.
            The mouse works too: click a row to move to it, its checkbox to tick it, a column
            header to sort by it (again to reverse), the filter to type in it; the wheel scrolls.

            """
        text += section("Click Trackers screen", MainAction.bindings)
        text += section("Filter field (after /)", filterBindings)
        return text
    }

    /// The filter field's keys, as `TextFieldState` implements them.
    static let filterBindings: [Binding<String>] = [
        Binding([KeyPress(.enter), KeyPress(.tab), KeyPress(.down)], "done", "Back to the table, keeping the filter"),
        Binding([KeyPress(.escape)], "clear", "Clear the filter and go back to the table"),
        Binding([.ctrl("a"), KeyPress(.home)], "home", "Start of the line"),
        Binding([.ctrl("e"), KeyPress(.end)], "end", "End of the line"),
        Binding([.alt("b"), KeyPress(.left, ctrl: true)], "wordLeft", "Word left"),
        Binding([.alt("f"), KeyPress(.right, ctrl: true)], "wordRight", "Word right"),
        Binding([.ctrl("u")], "killStart", "Delete to the start"),
        Binding([.ctrl("k")], "killEnd", "Delete to the end"),
        Binding([.ctrl("w"), KeyPress(.backspace, alt: true)], "killWord", "Delete the word before the cursor"),
    ]

    static func section<Action>(_ title: String, _ bindings: [Binding<Action>]) -> String {
        var text = "\n## \(title)\n\n| keys | action |\n|---|---|\n"
        for binding in bindings {
            text += "| \(binding.keys.map { "`\($0.description)`" }.joined(separator: " ")) | \(binding.label) |\n"
        }
        return text
    }
}
