import TerminalUI

/// What an operator can do on the Click Trackers screen.
public enum MainAction: Sendable, Equatable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleTick, tickAllShown, clearTicks
    case focusFilter, clearFilter
    case nextSortColumn, reverseSort
    case copyTags
    case redraw, suspend, quit
}

extension MainAction {
    /// The screen's bindings: dispatch, footer and help all read this table.
    public static let bindings: [Binding<MainAction>] = [
        Binding([.char("j"), KeyPress(.down)], .moveDown, "Down"),
        Binding([.char("k"), KeyPress(.up)], .moveUp, "Up"),
        Binding([KeyPress(.pageDown), .ctrl("f")], .pageDown, "Page down"),
        Binding([KeyPress(.pageUp), .ctrl("b")], .pageUp, "Page up"),
        Binding([.char("g"), KeyPress(.home)], .top, "First tracker"),
        Binding([.char("G"), KeyPress(.end)], .bottom, "Last tracker"),
        Binding([.char(" ")], .toggleTick, "Tick", footer: true),
        Binding([.char("a")], .tickAllShown, "Tick all shown"),
        Binding([.char("A")], .clearTicks, "Clear ticks"),
        Binding([.char("/")], .focusFilter, "Filter", footer: true),
        Binding([KeyPress(.escape)], .clearFilter, "Clear filter"),
        Binding([.char("s")], .nextSortColumn, "Sort by next column", footer: true),
        Binding([.char("S")], .reverseSort, "Reverse sort"),
        Binding([.char("y")], .copyTags, "Copy tags", footer: true),
        Binding([.ctrl("l")], .redraw, "Redraw"),
        Binding([.ctrl("z")], .suspend, "Suspend"),
        Binding([.char("q"), .ctrl("c")], .quit, "Quit", footer: true),
    ]
}
