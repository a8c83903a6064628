import TerminalUI

/// A screen and the dialogs opened over it, kept and switched as a whole: a dialog acts only on
/// the screen it was opened on, and going to another screen leaves it where it was — shown again,
/// as it was, when the operator comes back (issue 29: a menu opened on Click Trackers never acts
/// on Reports).
public struct ScreenStack<Screen: Sendable>: Sendable {
    public internal(set) var screen: Screen
    /// Bottom to top; the top one has the input.
    public internal(set) var modals: [Modal] = []

    init(_ screen: Screen) { self.screen = screen }

    mutating func push(_ modal: Modal) { modals.append(modal) }

    mutating func popTop(if kind: Modal.Kind) {
        if modals.last?.kind == kind { modals.removeLast() }
    }

    /// Changes the top dialog if it is of the kind `change` takes; false if it is not.
    @discardableResult
    mutating func updateTop(_ change: (inout Modal) -> Bool) -> Bool {
        guard var top = modals.last else { return false }
        let changed = change(&top)
        if changed { modals[modals.count - 1] = top }
        return changed
    }

    /// Changes every dialog `change` takes (a picker whose results came, wherever it is).
    mutating func updateEach(_ change: (inout Modal) -> Void) {
        for index in modals.indices { change(&modals[index]) }
    }

    /// The top dialog has the event; its one step changes the stack here, and only here. The
    /// intent it emitted, if any, for the app to perform.
    mutating func handleTop(_ event: InputEvent, screen bounds: Rect) -> AppIntent? {
        var top = modals.removeLast()
        switch top.handle(event, screen: bounds) {
        case .stay: modals.append(top)
        case .close: break
        case .replace(let modal): modals.append(modal)
        case .push(let modal):
            modals.append(top)
            modals.append(modal)
        case .emit(let intent):
            modals.append(top)
            return intent
        case .closeAndEmit(let intent):
            return intent
        }
        return nil
    }
}
