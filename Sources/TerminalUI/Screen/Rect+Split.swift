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
}
