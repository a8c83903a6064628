import TerminalUI

/// One binding table as a context sees it: its rows, and the dispatch its handler asks with it
/// (`Binding.action(for:in:)` over the table, or a field kind's) — so a test can send every key
/// and check it reaches its action.
struct KeyTable: Sendable {
    /// `TrackerDialog.bindings`: the table's name, as the source spells it.
    let name: String
    let rows: [(keys: [KeyPress], action: String, label: String)]
    /// What the table's dispatch makes of a key: its action, described.
    let resolve: @Sendable (KeyPress) -> String?
    /// Shown in this context's section of the help (the global keys have a section of their own).
    let shown: Bool

    init<Action: Sendable>(_ name: String, _ bindings: [Binding<Action>], shown: Bool = true,
                           resolve: (@Sendable (KeyPress) -> Action?)? = nil) {
        self.name = name
        self.shown = shown
        rows = bindings.map { ($0.keys, "\($0.action)", $0.label) }
        let dispatch = resolve ?? { press in Binding.action(for: press, in: bindings) }
        self.resolve = { dispatch($0).map { "\($0)" } }
    }
}

/// Every place keys act — a screen, a dialog, a form's field of each kind — with the tables live
/// there at once, in the order they are asked. The help overlay and KEYBINDINGS.md are made from
/// this; the tests check that no key is bound twice in any of them and that every key reaches
/// its action.
struct KeyContext: Sendable {
    let title: String
    /// The help's section it belongs to (a form's contexts, one per kind of field, share one).
    let section: String
    /// The dialog it is about, if it is one.
    let modal: Modal.Kind?
    let tables: [KeyTable]
    /// Help rows that are not keys (letters type, the mouse).
    let notes: [KeyBindingsDocument.Row]

    init(_ title: String, section: String? = nil, modal: Modal.Kind? = nil, _ tables: [KeyTable], notes: [KeyBindingsDocument.Row] = []) {
        self.title = title
        self.section = section ?? title
        self.modal = modal
        self.tables = tables
        self.notes = notes
    }

    /// The global keys live in a context: without `?` and Alt-N where text is typed.
    static func global(takingText: Bool) -> KeyTable {
        KeyTable("GlobalAction.bindings", GlobalAction.live(takingText: takingText), shown: false) {
            GlobalAction.action(for: $0, takingText: takingText)
        }
    }

    static let textField = KeyTable("TextFieldAction.bindings", TextFieldAction.bindings)
    /// A text field's keys where they have their own section of the help ("Every text field").
    static let textFieldKeys = KeyTable("TextFieldAction.bindings", TextFieldAction.bindings, shown: false)
    static let formMove = KeyTable("FormMove.bindings", FormMove.bindings)

    static func kind(_ kind: FormFieldKind) -> KeyTable {
        KeyTable("FormFieldKind.bindings", kind.bindings) { kind.action(for: $0) }
    }

    /// A form's contexts: one per kind of field it has (a text field's editing keys with its own).
    static func form<Action: Sendable>(_ title: String, modal: Modal.Kind, own name: String, _ bindings: [Binding<Action>],
                                       kinds: [FormFieldKind]) -> [KeyContext] {
        kinds.map { kind in
            var tables = [global(takingText: kind == .text), KeyTable(name, bindings), formMove, self.kind(kind)]
            if kind == .text { tables.append(textFieldKeys) }
            return KeyContext("\(title) — on a \(kind) field", section: title, modal: modal, tables)
        }
    }

    static var all: [KeyContext] {
        let letters = { (what: String) in [KeyBindingsDocument.Row(keys: "letters", label: what)] }
        return [
            KeyContext("Everywhere", [KeyTable("GlobalAction.bindings", GlobalAction.bindings)]),
            KeyContext("Click Trackers and Impression Trackers screens", [global(takingText: false), KeyTable("ClickTrackersAction.bindings", ClickTrackersAction.bindings)]),
            KeyContext("Filter field (after /)", [global(takingText: true), KeyTable("FilterAction.bindings", FilterAction.bindings), textFieldKeys]),
            KeyContext("Welcome screen (empty database)", [global(takingText: false), KeyTable("WelcomeAction.bindings", WelcomeAction.bindings)]),
            KeyContext("Reports screen (Alt-2)", [global(takingText: false), KeyTable("ReportsAction.bindings", ReportsAction.bindings)]),
            KeyContext("Every text field", [textField], notes: letters("Type (a paste is always text)")),
            KeyContext("More Actions menu", modal: .moreActions, [
                global(takingText: false), KeyTable("MoreActionsMenu.bindings", MoreActionsMenu.bindings),
                KeyTable("MoreAction items", MoreAction.allCases.map { Binding($0.keys, $0, "Run \($0.plainLabel) by its key") }),
            ]),
        ] + form("Create / Edit Click Tracker", modal: .tracker, own: "TrackerDialog.bindings", TrackerDialog.bindings, kinds: TrackerDialog.kinds)
        + [
            KeyContext("Pickers", modal: .picker, [global(takingText: true), KeyTable("PickerDialog.bindings", PickerDialog.bindings), textFieldKeys],
                       notes: letters("Search by name, ID or code")),
        ] + form("Export Tags", modal: .export, own: "ExportDialog.bindings", ExportDialog.bindings, kinds: ExportDialog.kinds)
        + [
            KeyContext("Tags (the export's result)", modal: .result, [global(takingText: false), KeyTable("ExportResultView.bindings", ExportResultView.bindings)]),
            KeyContext("Confirmation", modal: .confirm, [global(takingText: false), KeyTable("ConfirmDialog.bindings", ConfirmDialog.bindings)]),
            KeyContext("Import / Save prompts", modal: .path, [global(takingText: true), KeyTable("PathPrompt.bindings", PathPrompt.bindings), textFieldKeys],
                       notes: letters("The path (~ is your home)")),
            KeyContext("Messages (an import's summary)", modal: .message, [global(takingText: false), KeyTable("MessageDialog.bindings", MessageDialog.bindings)]),
            KeyContext("Conflict (changed here and on Invest)", modal: .conflict,
                       [global(takingText: false), KeyTable("ConflictDialog.bindings", ConflictDialog.bindings)]),
            KeyContext("Help (this overlay)", modal: .help, [global(takingText: true), KeyTable("HelpOverlay.bindings", HelpOverlay.bindings), textFieldKeys],
                       notes: letters("Filter the keys") + [KeyBindingsDocument.Row(keys: "?", label: "Close (with nothing typed)")]),
        ]
    }
}
