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
        case 0: .closeAndEmit(.sync(.resolveConflict(conflict.trackerId, keepMine: true)))
        case 1: .closeAndEmit(.sync(.resolveConflict(conflict.trackerId, keepMine: false)))
        default: .close
        }
    }

    /// Field, mine, theirs, and whether they differ — for every field either side has. They are
    /// compared by value (ids for references), not by the text shown.
    var rows: [(field: String, mine: String, theirs: String, differs: Bool)] {
        let columns: [TrackerTableColumn] = [.name, .code, .state, .lineItem, .publisher, .placement, .paymentRule, .landingPage, .lastModified]
        return columns.map { column in
            let name = column == .lastModified ? "Modified (UTC)" : column.column.title
            let mine = conflict.mine.map { Self.text(column, $0, names: nil) } ?? "(deleted here)"
            let theirs = conflict.theirs.map { Self.text(column, $0, names: conflict.mine) } ?? "(deleted on Invest)"
            let differs: Bool
            if let a = conflict.mine, let b = conflict.theirs {
                differs = column == .lastModified ? false : Self.value(column, a) != Self.value(column, b)
            } else {
                differs = column != .lastModified
            }
            return (name, mine, theirs, differs)
        }
    }

    static func value(_ column: TrackerTableColumn, _ tracker: Tracker) -> String {
        switch column {
        case .lineItem: "\(tracker.lineItem.id)"
        case .publisher: "\(tracker.publisher.id)"
        case .placement: tracker.tag.map { "\($0.id)" } ?? ""
        case .paymentRule: tracker.paymentRule.map { "\($0.id)" } ?? ""
        default: column.text(tracker)
        }
    }

    /// A reference as `name (id)`; a name Invest left out is taken from `names` (this
    /// database's version) when it is the same object.
    static func text(_ column: TrackerTableColumn, _ tracker: Tracker, names: Tracker?) -> String {
        func ref(_ ref: ObjectRef?, _ other: ObjectRef?) -> String {
            guard let ref else { return "none" }
            let name = ref.name.isEmpty && other?.id == ref.id ? other?.name ?? "" : ref.name
            return name.isEmpty ? "#\(ref.id)" : "\(name) (\(ref.id))"
        }
        switch column {
        case .lineItem: return ref(tracker.lineItem, names?.lineItem)
        case .publisher: return ref(tracker.publisher, names?.publisher)
        case .placement: return ref(tracker.tag, names?.tag)
        case .paymentRule: return ref(tracker.paymentRule, names?.paymentRule)
        case .code: return tracker.code ?? "none"
        case .landingPage: return tracker.clickUrl ?? "none"
        default: return column.text(tracker)
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
            let differs = row.differs
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
