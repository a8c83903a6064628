import TerminalUI

/// A screen: a value with its own state, drawn under its dialogs (`ScreenStack`). `AppState`
/// keeps one of each kind that was opened, so switching away and back keeps the cursor,
/// filter, sort — and the dialogs that were open over it.
protocol AppScreen: Sendable {
    static var kind: ScreenKind { get }
    /// What a key, paste or click on the screen asks for.
    mutating func handle(_ event: InputEvent, layout: AppLayout) -> [AppIntent]
    /// The reads the next frame needs (a page of rows, the counts), each asked for once.
    mutating func needs(layout: AppLayout) -> [AppCommand]
    /// Forgets what was read, so everything is read again (after a change, or Ctrl-L).
    mutating func reload()
    func render(into buffer: inout ScreenBuffer, layout: AppLayout, theme: Theme)
    /// The screen's keys, for the footer, the help overlay and KEYBINDINGS.md.
    var footerHints: [(key: String, label: String)] { get }
    /// Whether a typed character goes into a text field (then `?` and `q` are text).
    var takesText: Bool { get }
}
