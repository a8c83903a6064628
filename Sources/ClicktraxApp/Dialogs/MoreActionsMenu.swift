import TerminalUI

/// The More Actions ▾ dropdown. Items that cannot run say why instead of doing nothing; the
/// focus never starts on a destructive item or on Undo, so `m Enter` is always harmless.
public struct MoreActionsMenu: Sendable, Equatable {
    /// Nil until an item is chosen with the arrows (when no harmless item can run).
    public private(set) var focused: Int?
    let targetCount: Int
    let undoLabel: String?
    let redoLabel: String?
    /// Where it opens: under its button, drawn pressed while the menu is open.
    let anchor: Rect
    let buttonLabel: String
    /// Why Pull and Push cannot run, when they cannot (not connected, running, nothing pending).
    let pullBlocked: String?
    let pushBlocked: String?
    /// Why Take Invest's Copy cannot run: nothing of the targets waits for Invest.
    let takeInvestsBlocked: String?

    public init(targetCount: Int, undoLabel: String?, redoLabel: String?, anchor: Rect, buttonLabel: String = "More Actions ▾",
                pullBlocked: String? = "Pull: this database is not connected to Invest (clicktrax invest login, then invest pull)",
                pushBlocked: String? = "Push: this database is not connected to Invest (clicktrax invest login, then invest pull)",
                takeInvestsBlocked: String? = "Take Invest's Copy: this database is not connected to Invest") {
        self.takeInvestsBlocked = takeInvestsBlocked
        self.buttonLabel = buttonLabel
        self.pullBlocked = pullBlocked
        self.pushBlocked = pushBlocked
        self.targetCount = targetCount
        self.undoLabel = undoLabel
        self.redoLabel = redoLabel
        self.anchor = anchor
        focused = nil
        focused = items.indices.first { items[$0].disabledReason == nil && !commands[$0].isDestructive && !commands[$0].isHistory && !commands[$0].isSync }
    }

    var commands: [TrackerCommand] { TrackerCommand.allCases }

    public var items: [MenuItem] {
        commands.map { command in
            var label = command.label
            var reason: String?
            if command.needsTrackers && targetCount == 0 { reason = "\(command.plainLabel): tick a tracker or move to one first" }
            if command == .undo {
                if let undoLabel { label = "Undo: \(undoLabel)" } else { reason = "Undo: nothing done in this session yet" }
            }
            if command == .redo {
                if let redoLabel { label = "Redo: \(redoLabel)" } else { reason = "Redo: nothing undone to do again" }
            }
            if command == .pull { reason = pullBlocked }
            if command == .push { reason = pushBlocked }
            if command == .takeInvests && reason == nil { reason = takeInvestsBlocked }
            return MenuItem(label, shortcut: command.shortcut, disabledReason: reason)
        }
    }

    public enum Action: Sendable, Equatable { case up, down, run, close }

    public static let bindings: [Binding<Action>] = [
        Binding([KeyPress(.up), KeyPress(.backTab), .char("k")], .up, "Move up"),
        Binding([KeyPress(.down), KeyPress(.tab), .char("j")], .down, "Move down"),
        Binding([KeyPress(.enter), .char(" ")], .run, "Run the item (a disabled one says why)"),
        Binding([KeyPress(.escape)], .close, "Close"),
    ]

    /// Where the menu is drawn, for mouse hits.
    func rect(screenWidth: Int) -> Rect {
        let (width, height) = MenuWidget.size(of: items)
        return Rect(x: max(0, min(anchor.x, screenWidth - width)), y: anchor.maxY, width: width, height: height)
    }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .up: move(-1)
            case .down: move(1)
            case .run:
                guard let focused else { return .emit(.show(Toast("Choose an item with ↑↓ first, or press its key", kind: .info))) }
                return choose(focused)
            case .close: return .close
            case nil:
                // Each item's own key, as on the screen: y + - D Del u Ctrl-R x.
                if let index = commands.firstIndex(where: { $0.keys.contains(press) }) { return choose(index) }
            }
            return .stay
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            let rect = rect(screenWidth: screen.width)
            guard rect.contains(x: mouse.x, y: mouse.y) else { return .close }
            let index = mouse.y - rect.y - 1
            return commands.indices.contains(index) ? choose(index) : .stay
        default:
            return .stay
        }
    }

    /// A disabled item is not run: the menu stays and says why.
    private mutating func choose(_ index: Int) -> ModalStep {
        focused = index
        if let reason = items[index].disabledReason { return .emit(.show(Toast(reason, kind: .error))) }
        switch commands[index] {
        case .undo: return .closeAndEmit(.undo)
        case .redo: return .closeAndEmit(.redo)
        case let command: return .closeAndEmit(.run(command))
        }
    }

    private mutating func move(_ delta: Int) {
        let count = commands.count
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
