import TerminalUI

/// Keys that work everywhere — on every screen, in every dialog — before the context's own.
public enum GlobalAction: Sendable, Equatable {
    case help, reload, suspend, askToQuit
    case showScreen(ScreenKind)

    public static let bindings: [Binding<GlobalAction>] = [
        Binding([.char("?"), KeyPress(.function(1))], .help, "Help: every key, filterable (? where no text is typed)", footer: "Help"),
        Binding([.ctrl("l")], .reload, "Read everything again and redraw (others' changes show by themselves within a second)"),
        Binding([.ctrl("z")], .suspend, "Suspend (fg comes back)"),
        Binding([.ctrl("c")], .askToQuit, "Quit (asks first; Ctrl-C again quits)"),
    ] + ScreenKind.allCases.map { kind in
        Binding([.alt(Character(String(kind.rawValue + 1)))], .showScreen(kind), "Go to the \(kind.title) screen")
    }

    /// The global keys live where text is typed or not: where it is, `?` and Alt-N are text.
    static func live(takingText: Bool) -> [Binding<GlobalAction>] {
        guard takingText else { return bindings }
        return bindings.compactMap { binding in
            if case .showScreen = binding.action { return nil }
            var live = binding
            live.keys.removeAll { $0 == .char("?") }
            return live
        }
    }

    /// The global action of `press`, where text is typed or not (the first layer asked).
    static func action(for press: KeyPress, takingText: Bool) -> GlobalAction? {
        Binding.action(for: press, in: live(takingText: takingText))
    }
}
