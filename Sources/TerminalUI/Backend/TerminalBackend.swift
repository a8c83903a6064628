/// What the app needs of a terminal. ncurses is behind it in `CursesTerminal`; tests use
/// `MemoryBackend`. Nothing else in the UI touches a terminal.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// How many colours the terminal shows (0 when it has none, or when NO_COLOR is set).
    var colorCount: Int { get }
    /// Shows the frame, writing only what changed since the last one.
    func present(_ buffer: ScreenBuffer)
    /// The next event, waiting at most `timeoutMilliseconds`; nil when none came.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Forgets what is on screen so the next `present` writes everything (after resume, or Ctrl-L).
    func invalidate()
}
