import TerminalUI

/// The More Actions ▾ dropdown: built from the bindings of its actions, each made available or
/// not by `MoreActionsAvailability`. Items that cannot run say why instead of doing nothing; the
/// focus never starts on a destructive item, on Undo or on a sync, so `m Enter` is always harmless.
public struct MoreActionsMenu: Sendable, Equatable {
    /// Nil until an item is chosen with the arrows (when no harmless item can run).
    public private(set) var focused: Int?
    /// The items, in `MoreAction.allCases` order.
    public let items: [Binding<MoreAction>]
    /// Where it opens: under its button, drawn pressed while the menu is open.
    let anchor: Rect
    let buttonLabel: String

    init(availability: MoreActionsAvailability, anchor: Rect, buttonLabel: String = "More Actions ▾") {
        items = MoreAction.allCases.map { action in
            Binding(action.keys, action, action.label).item(availability.label(action), disabledReason: availability.disabledReason(action))
        }
        self.anchor = anchor
        self.buttonLabel = buttonLabel
        focused = items.indices.first {
            let action = items[$0].action
            return items[$0].disabledReason == nil && !action.isDestructive && !action.isHistory && !action.isSync
        }
    }

    public static func == (lhs: MoreActionsMenu, rhs: MoreActionsMenu) -> Bool {
        lhs.focused == rhs.focused && lhs.anchor == rhs.anchor && lhs.items.map(\.label) == rhs.items.map(\.label)
            && lhs.items.map(\.disabledReason) == rhs.items.map(\.disabledReason)
    }

    public enum Action: Sendable, Equatable { case up, down, run, close }

    public static let bindings: [Binding<Action>] = [
        Binding([KeyPress(.up), KeyPress(.backTab), .char("k")], .up, "Move up"),
        Binding([KeyPress(.down), KeyPress(.tab), .char("j")], .down, "Move down"),
        Binding([KeyPress(.enter), .char(" ")], .run, "Run the item (a disabled one says why)"),
        Binding([KeyPress(.escape)], .close, "Close"),
    ]

    /// The menu's own key first, then each item's (as on the screen).
    func action(for press: KeyPress) -> (Action?, item: Int?) {
        if let action = Binding.action(for: press, in: Self.bindings) { return (action, nil) }
        return (nil, items.firstIndex { $0.keys.contains(press) })
    }

    /// Where the menu is drawn, for mouse hits.
    func rect(screenWidth: Int) -> Rect {
        let (width, height) = MenuWidget.size(of: items)
        return Rect(x: max(0, min(anchor.x, screenWidth - width)), y: anchor.maxY, width: width, height: height)
    }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch action(for: press) {
            case (.up?, _): move(-1)
            case (.down?, _): move(1)
            case (.run?, _):
                guard let focused else { return .emit(.show(Toast("Choose an item with ↑↓ first, or press its key", kind: .info))) }
                return choose(focused)
            case (.close?, _): return .close
            case (nil, let item?): return choose(item)
            case (nil, nil): break
            }
            return .stay
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            let rect = rect(screenWidth: screen.width)
            guard rect.contains(x: mouse.x, y: mouse.y) else { return .close }
            let index = mouse.y - rect.y - 1
            return items.indices.contains(index) ? choose(index) : .stay
        default:
            return .stay
        }
    }

    /// A disabled item is not run: the menu stays and says why.
    private mutating func choose(_ index: Int) -> ModalStep {
        focused = index
        if let reason = items[index].disabledReason { return .emit(.show(Toast(reason, kind: .error))) }
        return .closeAndEmit(.trackers(.run(items[index].action)))
    }

    private mutating func move(_ delta: Int) {
        let count = items.count
        focused = ((focused ?? (delta > 0 ? -1 : count)) + delta + count) % count
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let rect = rect(screenWidth: buffer.width)
        buffer.write("[ \(buttonLabel) ]", x: anchor.x, y: anchor.y, maxWidth: anchor.width, role: .toolbarButtonFocused, theme: theme)
        MenuWidget.render(items, focused: focused, x: rect.x, y: rect.y, theme: theme, into: &buffer)
        // The focused item's reason, if it cannot run, right under the menu.
        if let focused, let reason = items[focused].disabledReason, rect.maxY < buffer.height - 2 {
            buffer.write(" \(reason) ", x: rect.x, y: rect.maxY, maxWidth: buffer.width - rect.x, role: .textWarning, theme: theme)
        }
    }
}
