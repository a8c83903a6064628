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
        for (title, bindings) in sections {
            text += "\n## \(title)\n\n| keys | action |\n|---|---|\n"
            for binding in bindings { text += "| \(binding.keys) | \(binding.label) |\n" }
        }
        return text
    }

    /// Every context's keys, for this file and the help overlay.
    public static var sections: [(title: String, bindings: [(keys: String, label: String)])] {
        [
            ("Click Trackers screen", rows(MainAction.bindings)),
            ("Filter field (after /)", rows(filterBindings)),
            ("More Actions menu", [("↑ ↓ j k", "Move"), ("Enter Space", "Run the item"), ("y + - D Del u", "Run an item by its key"), ("Esc", "Close")]),
            ("Create / Edit Click Tracker", [("Tab Shift-Tab ↑ ↓", "Move between fields"), ("Enter", "Pick (Line Item, Publisher, Placement, Payment Rule), toggle, or save"),
                                             ("Space ← →", "Toggle Advanced Options or State"), ("Ctrl-S", "Save"), ("Esc", "Cancel (asks first if you changed something)")]),
            ("Pickers", [("letters", "Search by name, ID or code"), ("↑ ↓ PgUp PgDn", "Move"), ("Enter", "Choose"), ("Esc", "Back without choosing")]),
            ("Confirmation", [("y", "Confirm"), ("n Esc", "Cancel"), ("Tab ← →", "Switch button"), ("Enter", "The focused button (Cancel first)")]),
            ("Welcome screen (empty database)", [("d Enter", "Load the demo catalog"), ("i", "Import a file or a folder")]),
            ("Import / Save prompts", [("letters", "The path (~ is your home)"), ("Enter", "Import or save"), ("Esc", "Back")]),
            ("Help (this overlay)", [("letters", "Filter the keys"), ("↑ ↓ PgUp PgDn", "Scroll"), ("Esc ?", "Close")]),
        ]
    }

    static func rows<Action>(_ bindings: [Binding<Action>]) -> [(keys: String, label: String)] {
        bindings.map { ($0.keys.map(\.description).joined(separator: " "), $0.label) }
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

}
