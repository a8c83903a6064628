import ClicktraxCore
import TerminalUI

/// A tracker changed here and on Invest since the last pull: both versions side by side, the
/// fields that differ marked, and the choice — keep mine (the next push sends it over Invest's)
/// or keep Invest's. Cancel has the focus: Enter alone changes nothing.
public struct ConflictDialog: Sendable, Equatable {
    public let conflict: InvestConflict
    /// 0 keep mine, 1 keep theirs, 2 cancel.
    public private(set) var focused = 2

    public init(conflict: InvestConflict) { self.conflict = conflict }

    public enum Action: Sendable, Equatable { case keepMine, keepTheirs, cancel, next, previous, press }

    public static let bindings: [Binding<Action>] = [
        Binding([.char("m")], .keepMine, "Keep mine: the next push sends this database's version"),
        Binding([.char("t")], .keepTheirs, "Keep theirs: take Invest's version, drop the change made here"),
        Binding([KeyPress(.escape), .char("q")], .cancel, "Cancel (decide later; the tracker stays conflicting)"),
        Binding([KeyPress(.tab), KeyPress(.right)], .next, "Next button"),
        Binding([KeyPress(.backTab), KeyPress(.left)], .previous, "Previous button"),
        Binding([KeyPress(.enter), .char(" ")], .press, "The focused button (Cancel first)"),
    ]

    static let labels = ["Keep mine", "Keep theirs", "Cancel"]

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .keepMine: return choose(0)
            case .keepTheirs: return choose(1)
            case .cancel: return .close
            case .next: focused = (focused + 1) % 3
            case .previous: focused = (focused + 2) % 3
            case .press: return choose(focused)
            case nil: break
            }
        case .mouse(let mouse) where mouse.kind == .press || mouse.kind == .click:
            if let index = buttons(in: frame(in: screen)).button(atX: mouse.x, y: mouse.y) { return choose(index) }
        default:
            break
        }
        return .stay
    }

    private func choose(_ index: Int) -> ModalStep {
        switch index {
        case 0: .closeAndEmit(.resolveConflict(conflict.trackerId, keepMine: true))
        case 1: .closeAndEmit(.resolveConflict(conflict.trackerId, keepMine: false))
        default: .close
        }
    }

    /// Field, mine, theirs — for every field either side has.
    var rows: [(field: String, mine: String, theirs: String)] {
        let columns: [TrackerTableColumn] = [.name, .code, .state, .lineItem, .publisher, .placement, .paymentRule, .landingPage, .lastModified]
        return columns.map { column in
            let name = column == .lastModified ? "Modified (UTC)" : column.column.title
            return (name, conflict.mine.map { Self.text(column, $0) } ?? "(deleted here)",
                    conflict.theirs.map { Self.text(column, $0) } ?? "(deleted on Invest)")
        }
    }

    static func text(_ column: TrackerTableColumn, _ tracker: ClickTracker) -> String {
        switch column {
        case .lineItem: "\(tracker.lineItem.name) (\(tracker.lineItem.id))"
        case .publisher: "\(tracker.publisher.name) (\(tracker.publisher.id))"
        case .placement: tracker.tag.map { "\($0.name) (\($0.id))" } ?? "none"
        case .paymentRule: tracker.paymentRule.map { "\($0.name) (\($0.id))" } ?? "none"
        case .code: tracker.code ?? "none"
        case .landingPage: tracker.clickUrl ?? "none"
        default: column.text(tracker)
        }
    }

    func frame(in screen: Rect) -> Rect {
        screen.centered(width: min(screen.width - 2, 110), height: min(screen.height - 2, rows.count + 7))
    }

    func buttons(in frame: Rect) -> ButtonRow {
        ButtonRow(Self.labels, x: frame.x + 2, y: frame.maxY - 2)
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let inner = DialogFrame.render(title: "Conflict: tracker \(conflict.trackerId)", in: frame, theme: theme, into: &buffer)
        let full = "\(conflict.reason) — found \(conflict.foundAt) UTC. Fields that differ are marked ≠."
        let short = "\(conflict.reason); ≠ marks what differs"
        buffer.write(DisplayWidth.of(full) <= inner.width ? full : short, x: inner.x, y: inner.y, maxWidth: inner.width,
                     role: .textWarning, theme: theme)
        let label = inner.width < 80 ? 15 : 20
        let side = max(8, (inner.width - label - 3) / 2)
        let top = inner.y + 2
        buffer.write("", x: inner.x, y: top, role: .tableHeader, theme: theme)
        buffer.write("Mine (this database)", x: inner.x + label + 2, y: top, maxWidth: side, role: .tableHeader, theme: theme)
        buffer.write("Theirs (Invest)", x: inner.x + label + 3 + side, y: top, maxWidth: side, role: .tableHeader, theme: theme)
        for (index, row) in rows.enumerated() where top + 1 + index < inner.maxY - 2 {
            let y = top + 1 + index
            let differs = row.mine != row.theirs && row.field != "Modified (UTC)"
            buffer.write((differs ? "≠ " : "  ") + row.field, x: inner.x, y: y, maxWidth: label, role: differs ? .textWarning : .fieldLabel,
                         theme: theme)
            buffer.write(row.mine, x: inner.x + label + 2, y: y, maxWidth: side, role: .dialog, theme: theme)
            buffer.write(row.theirs, x: inner.x + label + 3 + side, y: y, maxWidth: side, role: .dialog, theme: theme)
        }
        let row = buttons(in: frame)
        row.render(focused: focused, theme: theme, into: &buffer)
        buffer.write("m mine · t theirs · Esc later", x: row.maxX + 2, y: row.areas[0].y, maxWidth: max(0, inner.maxX - row.maxX - 2),
                     role: .textMuted, theme: theme)
    }
}
