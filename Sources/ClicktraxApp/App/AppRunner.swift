import ClicktraxCore
import Foundation
import TerminalUI

/// The loop of docs/ARCHITECTURE.md: draw (pure) → present (only what changed) → wait for input
/// (100 ms at most) → `AppState.update` → perform the commands it returned, feeding their
/// results back — and, every turn, what background work left in the inbox. Single-threaded:
/// nothing here waits on a lock, the network or a big import.
public final class AppRunner {
    let backend: TerminalBackend
    public private(set) var state: AppState
    public let commands: CommandRunner
    let theme: Theme
    /// Told after every frame is on the screen: the event it answered (nil for the first frame)
    /// and how long answering took. For `CLICKTRAX_FRAME_LOG` and the benchmark.
    public var frameObserver: ((_ event: InputEvent?, _ took: Duration) -> Void)?
    private var running = true
    private var started = false

    public init(backend: TerminalBackend, state: AppState, commands: CommandRunner, theme: Theme) {
        self.backend = backend
        self.state = state
        self.commands = commands
        self.theme = theme
    }

    /// Runs until the operator quits or `shouldStop` says so (a signal). Errors are shown as
    /// a toast; the loop never dies of one.
    public func run(shouldStop: () -> Bool = { false }) {
        let clock = ContinuousClock()
        let start = clock.now
        startIfNeeded()
        drawFrame()
        frameObserver?(nil, start.duration(to: clock.now))
        execute(state.firstFramePainted())
        while running && !shouldStop() {
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                // Time passing changes the frame only if a toast fades or background work arrived.
                let fading = state.toast != nil
                send(.tick)
                if drainInbox() > 0 || fading { drawFrame() }
                continue
            }
            let arrived = clock.now
            send(.event(event))
            drainInbox()
            drawFrame()
            frameObserver?(event, arrived.duration(to: clock.now))
        }
        commands.inbox.close()
    }

    /// The first frame, then the background work that waits for it (on two cores, work
    /// started sooner slows the first frame down).
    public func paintFirstFrame() {
        startIfNeeded()
        drawFrame()
        execute(state.firstFramePainted())
    }

    private func startIfNeeded() {
        guard !started else { return }
        started = true
        execute(state.start())
    }

    /// Feeds one message to the state and performs what it asks. Public for the tests' driver.
    public func send(_ message: AppMessage) {
        startIfNeeded()
        execute(state.update(message))
    }

    /// One event, as from the terminal; false once the app should end. For the tests' driver.
    @discardableResult
    public func dispatch(_ event: InputEvent) -> Bool {
        send(.event(event))
        return running
    }

    /// What background work has finished, fed to the state; how many messages there were.
    @discardableResult
    public func drainInbox() -> Int {
        let messages = commands.inbox.drain()
        for message in messages { send(message) }
        return messages.count
    }

    /// Waits (at most `seconds`) until background work is done and its messages are in: for
    /// tests, which must see what the loop would have shown a moment later.
    public func settle(seconds: Double = 10) {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            drainInbox()
            if !commands.inbox.isBusy { drainInbox(); return }
            usleep(2_000)
        } while Date() < deadline
    }

    /// The background watch for other processes' changes stops (the tests' driver, at its end).
    public func stop() { commands.inbox.close() }

    /// Performs commands, and the commands their results lead to, in order.
    func execute(_ first: [AppCommand]) {
        var queue = first[...]
        while let command = queue.popFirst() {
            switch command {
            case .quit:
                running = false
            case .redraw:
                backend.invalidate()
            case .suspend:
                _ = commands.perform(command)
                backend.invalidate()
            default:
                for message in commands.perform(command) { queue += state.update(message) }
            }
        }
    }

    /// Draws the current frame (for the loop, and for tests).
    public func drawFrame() {
        startIfNeeded()
        let (width, height) = backend.size
        if state.layout.bounds.width != width || state.layout.bounds.height != height {
            // The size changed without a resize event (the first frame, a test's terminal).
            send(.event(.resize(width: width, height: height)))
        }
        var buffer = ScreenBuffer(width: width, height: height)
        state.render(into: &buffer, theme: theme)
        backend.present(buffer)
    }
}
