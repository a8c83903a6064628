import TerminalUI

/// What an operator can do on the Click Trackers screen.
public enum MainAction: Sendable, Equatable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleTick, tickAllShown, clearTicks
    case focusFilter, clearFilter
    case nextSortColumn, reverseSort
    case create, edit, importFiles
    case exportTags, copyTags, moreActions, activate, deactivate, duplicate, delete, undo
    case help
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
        Binding([.char(" ")], .toggleTick, "Tick or untick the current tracker (then move down)", footer: "Tick"),
        Binding([.char("a")], .tickAllShown, "Tick all shown"),
        Binding([.char("A")], .clearTicks, "Clear ticks"),
        Binding([.char("/")], .focusFilter, "Filter by name, ID, code, line item or publisher", footer: "Filter"),
        Binding([KeyPress(.escape)], .clearFilter, "Clear filter"),
        Binding([.char("s")], .nextSortColumn, "Sort by the next column"),
        Binding([.char("S")], .reverseSort, "Reverse sort"),
        Binding([.char("n"), .char("c")], .create, "Create a click tracker", footer: "New"),
        Binding([KeyPress(.enter), .char("e")], .edit, "Edit the current tracker", footer: "Edit"),
        Binding([.char("I")], .importFiles, "Import Invest API pages or CSV: a file or a folder"),
        Binding([.char("m"), KeyPress(.function(2))], .moreActions, "More Actions menu", footer: "More"),
        Binding([.char("x")], .exportTags, "Export Tags: options, preview, copy, save or email", footer: "Export"),
        Binding([.char("y")], .copyTags, "Copy the tags of the ticked trackers (or the current one) with the configured defaults"),
        Binding([.char("+")], .activate, "Activate"),
        Binding([.char("-")], .deactivate, "Deactivate"),
        Binding([.char("D")], .duplicate, "Duplicate"),
        Binding([KeyPress(.delete)], .delete, "Delete (asks first)"),
        Binding([.char("u")], .undo, "Undo the last change made in this session", footer: "Undo"),
        Binding([.char("?"), KeyPress(.function(1))], .help, "Help: every key, filterable", footer: "Help"),
        Binding([.ctrl("l")], .redraw, "Redraw"),
        Binding([.ctrl("z")], .suspend, "Suspend"),
        Binding([.char("q"), .ctrl("c")], .quit, "Quit", footer: "Quit"),
    ]
}
