/// Cutting a rectangle into the named parts of a layout — the same parts `render` draws into
/// and the mouse hit-tests, so the two can never disagree.
extension Rect {
    /// The row `offset` rows down (clipped to this rectangle: may be empty).
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(x: x, y: y + max(0, offset), width: width, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    /// The top `rows` rows, and what is under them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = max(0, min(rows, height))
        return (Rect(x: x, y: y, width: width, height: taken), Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// What is above the bottom `rows` rows, and those rows.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = max(0, min(rows, height))
        return (Rect(x: x, y: y, width: width, height: height - taken), Rect(x: x, y: maxY - taken, width: width, height: taken))
    }

    /// The left `columns` columns, and what is right of them.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = max(0, min(columns, width))
        return (Rect(x: x, y: y, width: taken, height: height), Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// Rows of these heights, top to bottom, cut off where the rectangle ends.
    public func splitRows(_ heights: [Int]) -> [Rect] {
        var rest = self
        return heights.map { height in
            let (top, remaining) = rest.splitTop(height)
            rest = remaining
            return top
        }
    }

    /// Narrowed to at most `columns` columns from the left.
    public func limited(toWidth columns: Int) -> Rect {
        Rect(x: x, y: y, width: min(width, columns), height: height)
    }
}
