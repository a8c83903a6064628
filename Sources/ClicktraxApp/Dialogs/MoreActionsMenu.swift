import TerminalUI

/// The More Actions ▾ dropdown. Items that cannot run say why instead of doing nothing.
public struct MoreActionsMenu: Sendable, Equatable {
    public private(set) var focused = 0
    let hasTargets: Bool
    let canUndo: Bool
    /// Where it opens: under its button.
    let anchor: (x: Int, y: Int)

    public init(hasTargets: Bool, canUndo: Bool, anchor: (x: Int, y: Int)) {
        self.hasTargets = hasTargets
        self.canUndo = canUndo
        self.anchor = anchor
        focused = items.firstIndex { $0.disabledReason == nil } ?? 0
    }

    public static func == (lhs: MoreActionsMenu, rhs: MoreActionsMenu) -> Bool {
        lhs.focused == rhs.focused && lhs.hasTargets == rhs.hasTargets && lhs.canUndo == rhs.canUndo
    }

    var commands: [TrackerCommand] { TrackerCommand.allCases }

    public var items: [MenuItem] {
        commands.map { command in
            var reason: String?
            if command.needsTrackers && !hasTargets { reason = "\(command.label): tick a tracker or move to one first" }
            if command == .undo && !canUndo { reason = "Undo: nothing done in this session yet" }
            return MenuItem(command.label, shortcut: command.shortcut, disabledReason: reason)
        }
    }

    /// Where the menu is drawn, for mouse hits.
    func rect(screenWidth: Int) -> Rect {
        let (width, height) = MenuWidget.size(of: items)
        return Rect(x: max(0, min(anchor.x, screenWidth - width)), y: anchor.y, width: width, height: height)
    }

    public mutating func handle(_ event: InputEvent, screenWidth: Int) -> DialogOutcome<TrackerCommand> {
        switch event {
        case .key(let press):
            switch press.key {
            case .escape: return .cancel
            case .up, .backTab: move(-1)
            case .down, .tab: move(1)
            case .character("k") where !press.ctrl: move(-1)
            case .character("j") where !press.ctrl: move(1)
            case .enter, .character(" "): return choose(focused)
            case .delete: return choose(commands.firstIndex(of: .delete)!)
            case .character(let c):
                if let index = commands.firstIndex(where: { $0.shortcut == String(c) }) { return choose(index) }
            default: break
            }
            return .stay
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            let rect = rect(screenWidth: screenWidth)
            guard rect.contains(x: mouse.x, y: mouse.y) else { return .cancel }
            let index = mouse.y - rect.y - 1
            return commands.indices.contains(index) ? choose(index) : .stay
        default:
            return .stay
        }
    }

    /// A disabled item is not run: the menu stays, its reason shown by the caller's toast.
    private mutating func choose(_ index: Int) -> DialogOutcome<TrackerCommand> {
        focused = index
        return items[index].disabledReason == nil ? .done(commands[index]) : .stay
    }

    private mutating func move(_ delta: Int) {
        focused = (focused + delta + commands.count) % commands.count
    }

    /// The reason the focused item cannot run, if it cannot.
    public var focusedReason: String? { items[focused].disabledReason }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let rect = rect(screenWidth: buffer.width)
        MenuWidget.render(items, focused: focused, x: rect.x, y: rect.y, theme: theme, into: &buffer)
    }
}
