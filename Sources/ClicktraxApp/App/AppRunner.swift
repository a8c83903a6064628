import ClicktraxCore
import TerminalUI

/// The loop of ARCHITECTURE.md: prepare → render (pure) → present (only what changed) → wait
/// for input → handle → perform effects. Single-threaded; one instance per terminal session.
public final class AppRunner {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    let backend: TerminalBackend
    public private(set) var screen: MainScreen
    let theme: Theme
    /// Performs an effect the screen cannot (clipboard, suspend); returns a message to show.
    let perform: (AppEffect) -> Toast?

    public init(backend: TerminalBackend, screen: MainScreen, theme: Theme, perform: @escaping (AppEffect) -> Toast?) {
        self.backend = backend
        self.screen = screen
        self.theme = theme
        self.perform = perform
    }

    /// Runs until the operator quits or `shouldStop` says so (a signal). Errors from the store
    /// are shown as a toast; the loop never dies of one.
    public func run(shouldStop: () -> Bool = { false }) {
        var running = true
        while running && !shouldStop() {
            drawFrame()
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                tick()
                continue
            }
            running = dispatch(event)
        }
    }

    /// Handles one event; false when the app should end. Public for the tests' driver.
    @discardableResult
    public func dispatch(_ event: InputEvent) -> Bool {
        for effect in screen.handle(event) {
            switch effect {
            case .quit:
                return false
            case .redraw:
                backend.invalidate()
            case .copyTags, .suspend:
                if let toast = perform(effect) { screen.toast = toast }
                backend.invalidate()
            }
        }
        return true
    }

    /// Draws the current frame (for the loop, and for tests).
    public func drawFrame() {
        let (width, height) = backend.size
        var buffer = ScreenBuffer(width: width, height: height)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            let message = "terminal too small (need \(Self.minimumWidth)×\(Self.minimumHeight), have \(width)×\(height))"
            for (row, line) in wrap(message, width: max(1, width)).enumerated() where row < height {
                buffer.write(line, x: 0, y: max(0, height / 2 - 1) + row, role: .textWarning, theme: theme)
            }
            backend.present(buffer)
            return
        }
        do {
            try screen.prepare(width: width, height: height)
        } catch {
            screen.toast = Toast("\(error)", kind: .error)
        }
        screen.render(into: &buffer, theme: theme)
        backend.present(buffer)
    }

    /// Time passing with no input: toasts fade.
    func tick() {
        guard var toast = screen.toast else { return }
        toast.remainingTicks -= 1
        screen.toast = toast.remainingTicks > 0 ? toast : nil
    }

    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(String(word)) > width { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
