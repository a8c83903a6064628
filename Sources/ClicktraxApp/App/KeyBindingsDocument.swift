import TerminalUI

/// KEYBINDINGS.md and the help overlay, both generated from the binding tables of every context
/// (a test fails when the file is stale, or when a dialog has no section;
/// `RECORD_GOLDENS=1 swift test --filter KeyBindings` rewrites it).
public enum KeyBindingsDocument {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var rows: [Row]
        /// The dialog it is about, if it is one.
        public var modal: Modal.Kind?
    }

    public struct Row: Sendable, Equatable {
        public var keys: String
        public var label: String
    }

    public static func markdown() -> String {
        var text = """
            # Clicktrax key bindings

            Generated from the binding tables in `Sources/ClicktraxApp` and `Sources/TerminalUI`;
            do not edit by hand. The mouse works too: click a row to move to it, its checkbox to
            tick it, a column header to sort by it (again to reverse), a button to press it, the
            filter to type in it; the wheel scrolls. While a clipboard helper or the mail
            command runs in the background (the footer says so), Esc stops it first.

            """
        for section in sections {
            text += "\n## \(section.title)\n\n| keys | action |\n|---|---|\n"
            for row in section.rows { text += "| \(row.keys.replacingOccurrences(of: "|", with: "\\|")) | \(row.label) |\n" }
        }
        return text
    }

    /// Every context's keys, for this file and the help overlay: the tables each shows, and its
    /// notes (what letters do there).
    public static var sections: [Section] {
        var sections: [Section] = []
        var shownTables: [String: Set<String>] = [:]
        for context in KeyContext.all {
            if sections.last?.title != context.section {
                sections.append(Section(title: context.section, rows: context.notes, modal: context.modal))
            }
            // Each table once per section (a form's kinds share the form's own keys).
            for table in context.tables where table.shown && shownTables[context.section, default: []].insert(table.name + table.rows.description).inserted {
                sections[sections.count - 1].rows += table.rows.filter { !$0.keys.isEmpty }.map {
                    Row(keys: $0.keys.map(\.description).joined(separator: " "), label: $0.label)
                }
            }
        }
        return sections
    }
}
