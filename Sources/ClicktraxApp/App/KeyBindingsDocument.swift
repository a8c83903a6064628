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

    /// Every context's keys, for this file and the help overlay.
    public static var sections: [Section] {
        [
            Section(title: "Everywhere", rows: rows(GlobalAction.bindings)),
            Section(title: "Click Trackers screen", rows: rows(ClickTrackersAction.bindings)),
            Section(title: "Filter field (after /)", rows: rows(FilterAction.bindings)),
            Section(title: "Welcome screen (empty database)", rows: rows(WelcomeAction.bindings)),
            Section(title: "Reports screen (Alt-2)", rows: rows(ReportsAction.bindings)),
            Section(title: "Every text field", rows: rows(TextFieldAction.bindings) + [Row(keys: "letters", label: "Type (a paste is always text)")]),
            Section(title: "More Actions menu", rows: rows(MoreActionsMenu.bindings)
                        + [Row(keys: TrackerCommand.allCases.map(\.shortcut).joined(separator: " "), label: "Run an item by its key")],
                    modal: .moreActions),
            Section(title: "Create / Edit Click Tracker", rows: rows(FormMove.bindings) + rows(TrackerDialog.bindings) + rows(TrackerDialog.fieldBindings),
                    modal: .tracker),
            Section(title: "Pickers", rows: [Row(keys: "letters", label: "Search by name, ID or code")] + rows(PickerDialog.bindings),
                    modal: .picker),
            Section(title: "Export Tags", rows: rows(FormMove.bindings) + rows(ExportDialog.bindings) + rows(ExportDialog.optionBindings),
                    modal: .export),
            Section(title: "Tags (the export's result)", rows: rows(ExportResultView.bindings), modal: .result),
            Section(title: "Confirmation", rows: rows(ConfirmDialog.bindings), modal: .confirm),
            Section(title: "Import / Save prompts", rows: [Row(keys: "letters", label: "The path (~ is your home)")] + rows(PathPrompt.bindings),
                    modal: .path),
            Section(title: "Messages (an import's summary)", rows: rows(MessageDialog.bindings), modal: .message),
            Section(title: "Conflict (changed here and on Invest)", rows: rows(ConflictDialog.bindings), modal: .conflict),
            Section(title: "Help (this overlay)", rows: [Row(keys: "letters", label: "Filter the keys")] + rows(HelpOverlay.bindings)
                        + [Row(keys: "?", label: "Close (with nothing typed)")], modal: .help),
        ]
    }

    static func rows<Action>(_ bindings: [Binding<Action>]) -> [Row] {
        bindings.map { Row(keys: $0.keys.map(\.description).joined(separator: " "), label: $0.label) }
    }
}
