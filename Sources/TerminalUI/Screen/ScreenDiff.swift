/// What changed between two frames, as runs of cells on a row: all a backend needs to write.
public struct ScreenDiff: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    public var runs: [Run]

    /// Everything, for the first frame or after a resize or resume.
    public static func full(_ buffer: ScreenBuffer) -> ScreenDiff {
        ScreenDiff(runs: (0..<buffer.height).map { y in
            Run(x: 0, y: y, cells: (0..<buffer.width).map { buffer[$0, y] })
        })
    }

    /// The cells of `new` that differ from `old` (a full diff if the sizes differ). A run never
    /// starts on the continuation of a wide character.
    public static func between(_ old: ScreenBuffer, _ new: ScreenBuffer) -> ScreenDiff {
        guard old.width == new.width, old.height == new.height else { return full(new) }
        var runs: [Run] = []
        for y in 0..<new.height {
            var x = 0
            while x < new.width {
                guard old[x, y] != new[x, y] else { x += 1; continue }
                var start = x
                if new[start, y].isContinuation && start > 0 { start -= 1 }
                var end = x
                while end < new.width && old[end, y] != new[end, y] { end += 1 }
                if end < new.width && new[end, y].isContinuation { end += 1 }
                runs.append(Run(x: start, y: y, cells: (start..<end).map { new[$0, y] }))
                x = end
            }
        }
        return ScreenDiff(runs: runs)
    }

    public var isEmpty: Bool { runs.isEmpty }
    public var cellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }
}
