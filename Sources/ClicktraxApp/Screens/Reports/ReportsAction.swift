import TerminalUI

/// What an operator can do on the Reports screen.
public enum ReportsAction: Sendable, Equatable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextGrouping, nextThenBy, nextRange, earlier, later
    case nextSortColumn, reverseSort
    case focusFilter, clearFilter
    case showTracker
    case toggleMeasure
    case quit
}

extension ReportsAction {
    /// The move of the table's cursor this is, if it is one.
    var tableMove: TableMove? {
        switch self {
        case .moveUp: .up
        case .moveDown: .down
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .top: .top
        case .bottom: .bottom
        default: nil
        }
    }

    public static let bindings: [Binding<ReportsAction>] = [
        Binding([.char("j"), KeyPress(.down)], .moveDown, "Down"),
        Binding([.char("k"), KeyPress(.up)], .moveUp, "Up"),
        Binding([KeyPress(.pageDown), .ctrl("f")], .pageDown, "Page down"),
        Binding([KeyPress(.pageUp), .ctrl("b")], .pageUp, "Page up"),
        Binding([.char("g"), KeyPress(.home)], .top, "First row"),
        Binding([.char("G"), KeyPress(.end)], .bottom, "Last row"),
        Binding([.char("b")], .nextGrouping, "Group by the next dimension (tracker, line item, publisher, placement, site domain, day, hour)", footer: "Group"),
        Binding([.char("B")], .nextThenBy, "Then by (a second, nested grouping; again for the next, then none)"),
        Binding([.char("r")], .nextRange, "Range: the last 7, 14 or 30 days of clicks, or 24 hours", footer: "Range"),
        Binding([.char("[")], .earlier, "The range one length earlier"),
        Binding([.char("]")], .later, "The range one length later"),
        Binding([.char("s")], .nextSortColumn, "Sort by the next column", footer: "Sort"),
        Binding([.char("S")], .reverseSort, "Reverse sort"),
        Binding([.char("/")], .focusFilter, "Filter the rows by id, name or domain", footer: "Filter"),
        Binding([KeyPress(.escape)], .clearFilter, "Clear the filter"),
        Binding([KeyPress(.enter)], .showTracker, "On a tracker: show it on the Click Trackers screen"),
        Binding([.char("i")], .toggleMeasure, "Impressions, clicks and CTR (Network Analytics), or the Clicktrackers Feed's clicks",
                footer: "Impressions"),
        Binding([.char("q")], .quit, "Quit", footer: "Quit"),
    ]
}
