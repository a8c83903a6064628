/// A key binding as data: the keys, the action, the label. One table per context drives
/// dispatch, the footer, the help overlay and the generated KEYBINDINGS.md.
public struct Binding<Action: Sendable>: Sendable {
    public var keys: [KeyPress]
    public var action: Action
    public var label: String
    public var showInFooter: Bool

    public init(_ keys: [KeyPress], _ action: Action, _ label: String, footer: Bool = false) {
        self.keys = keys
        self.action = action
        self.label = label
        showInFooter = footer
    }

    /// How the keys read in hints and help: `j/↓`.
    public var keysLabel: String { keys.map(\.description).joined(separator: "/") }

    /// The action bound to `press` in `table`, if any.
    public static func action(for press: KeyPress, in table: [Binding]) -> Action? {
        table.first { $0.keys.contains(press) }?.action
    }

    /// The footer's hints: the first key of each binding shown there.
    public static func footerHints(_ table: [Binding]) -> [(key: String, label: String)] {
        table.filter(\.showInFooter).map { ($0.keys.first?.description ?? "", $0.label) }
    }
}
