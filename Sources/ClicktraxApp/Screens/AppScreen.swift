import ClicktraxCore
import TerminalUI

/// A screen: a value with its own state, drawn under the dialogs. `AppState` keeps one of each
/// kind that was opened, so switching away and back keeps the cursor, filter and sort.
public enum AppScreen: Sendable {
    case clickTrackers(ClickTrackersScreen)
    case reports(ReportsScreen)

    public var kind: ScreenKind {
        switch self {
        case .clickTrackers: .clickTrackers
        case .reports: .reports
        }
    }

    mutating func handle(_ event: InputEvent, layout: AppLayout) -> [AppIntent] {
        switch self {
        case .clickTrackers(var screen):
            let intents = screen.handle(event, layout: layout)
            self = .clickTrackers(screen)
            return intents
        case .reports(var screen):
            let intents = screen.handle(event, layout: layout)
            self = .reports(screen)
            return intents
        }
    }

    /// The reads the next frame needs (a page of rows, the counts), each asked for once.
    mutating func needs(layout: AppLayout) -> [AppCommand] {
        switch self {
        case .clickTrackers(var screen):
            let commands = screen.needs(layout: layout)
            self = .clickTrackers(screen)
            return commands
        case .reports(var screen):
            let commands = screen.needs()
            self = .reports(screen)
            return commands
        }
    }

    /// Forgets what was read, so everything is read again (after a change, or Ctrl-L).
    mutating func reload() {
        switch self {
        case .clickTrackers(var screen):
            screen.reload()
            self = .clickTrackers(screen)
        case .reports(var screen):
            screen.reload()
            self = .reports(screen)
        }
    }

    func render(into buffer: inout ScreenBuffer, layout: AppLayout, theme: Theme) {
        switch self {
        case .clickTrackers(let screen): screen.render(into: &buffer, layout: layout, theme: theme)
        case .reports(let screen): screen.render(into: &buffer, layout: layout, theme: theme)
        }
    }

    /// The screen's keys, for the footer, the help overlay and KEYBINDINGS.md.
    var footerHints: [(key: String, label: String)] {
        switch self {
        case .clickTrackers(let screen): screen.footerHints
        case .reports(let screen): screen.footerHints
        }
    }

    /// Whether a typed character goes into a text field (then `?` and `q` are text).
    var takesText: Bool {
        switch self {
        case .clickTrackers(let screen): screen.filterFocused
        case .reports(let screen): screen.filterFocused
        }
    }
}
