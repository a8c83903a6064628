/// A move of a table's cursor, as every table screen binds them (↑ ↓, PgUp PgDn, Home End).
public enum TableMove: Sendable, Equatable {
    case up, down, pageUp, pageDown, top, bottom
}

extension TableState {
    public mutating func move(_ move: TableMove) {
        switch move {
        case .up: moveCursor(by: -1)
        case .down: moveCursor(by: 1)
        case .pageUp: self.pageUp()
        case .pageDown: self.pageDown()
        case .top: moveToTop()
        case .bottom: moveToBottom()
        }
    }
}
