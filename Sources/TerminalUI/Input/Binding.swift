/// A key binding as data: the keys, the action, the label. One table per context drives
/// dispatch, the footer, the help overlay and the generated KEYBINDINGS.md.
public struct Binding<Action: Sendable>: Sendable {
    public var keys: [KeyPress]
    public var action: Action
    /// What the help overlay and KEYBINDINGS.md say it does.
    public var label: String
    /// The short word the footer shows, for the few bindings that earn a place there.
    public var footerLabel: String?
    /// Why it cannot run now, when it cannot (a menu shows it dimmed and says this instead of
    /// running it). Set from the context's one availability function, never by hand.
    public var disabledReason: String?

    public init(_ keys: [KeyPress], _ action: Action, _ label: String, footer: String? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        footerLabel = footer
    }

    /// The same binding, labelled and made available or not (a menu's item).
    public func item(_ label: String, disabledReason: String?) -> Binding {
        var item = self
        item.label = label
        item.disabledReason = disabledReason
        return item
    }

    /// How the keys read in hints and help: `j/↓`.
    public var keysLabel: String { keys.map(\.description).joined(separator: "/") }

    /// The action bound to `press` in `table`, if any.
    public static func action(for press: KeyPress, in table: [Binding]) -> Action? {
        table.first { $0.keys.contains(press) }?.action
    }

    /// A dialog's hint line, `Tab/↑↓ move · Ctrl-S save · Esc cancel`: the bindings with a short
    /// label (all of them, with their labels, when none has one).
    public static func hintLine(_ table: [Binding]) -> String {
        let short = table.filter { $0.footerLabel != nil }
        let shown = short.isEmpty ? table.map { ($0.keysLabel, $0.label) } : short.map { ($0.keysLabel, $0.footerLabel!) }
        return shown.map { "\($0.0) \($0.1)" }.joined(separator: " · ")
    }

    /// The footer's hints: the first key of each binding shown there.
    public static func footerHints(_ table: [Binding]) -> [(key: String, label: String)] {
        table.compactMap { binding in binding.footerLabel.map { (binding.keys.first?.description ?? "", $0) } }
    }
}
