/// A terminal in memory for tests: events are queued in, frames are kept, nothing is drawn.
public final class MemoryBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public var colorCount: Int
    public private(set) var screen: ScreenBuffer
    /// How many cells each `present` wrote: tests check that a still frame writes nothing.
    public private(set) var writtenCells: [Int] = []
    public var events: [InputEvent] = []
    /// Every theme role drawn in any frame so far: a test holds it to `ThemeRole.allCases`.
    public private(set) var rolesDrawn: Set<ThemeRole> = []
    private var invalidated = true

    public init(width: Int = 100, height: Int = 30, colorCount: Int = 256) {
        size = (width, height)
        self.colorCount = colorCount
        screen = ScreenBuffer(width: width, height: height)
    }

    public func present(_ buffer: ScreenBuffer) {
        let diff = invalidated ? ScreenDiff.full(buffer) : ScreenDiff.between(screen, buffer)
        writtenCells.append(diff.cellCount)
        for cell in buffer.cells { if let role = cell.role { rolesDrawn.insert(role) } }
        screen = buffer
        invalidated = false
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    public func invalidate() { invalidated = true }

    /// Resizes, and queues the resize event as a terminal would.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        events.append(.resize(width: width, height: height))
    }
}
