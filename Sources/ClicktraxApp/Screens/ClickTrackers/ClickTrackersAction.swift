import TerminalUI

/// What an operator can do on the Click Trackers screen.
public enum ClickTrackersAction: Sendable, Equatable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case toggleTick, tickAllShown, clearTicks
    case focusFilter, clearFilter
    case nextSortColumn, reverseSort
    case create, edit, importFiles, moreActions
    /// A More Action by its key (the menu runs the same).
    case more(MoreAction)
    case quit
}

extension ClickTrackersAction {
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

    /// The screen's bindings: dispatch, footer and help all read this table.
    public static let bindings: [Binding<ClickTrackersAction>] = [
        Binding([.char("j"), KeyPress(.down)], .moveDown, "Down"),
        Binding([.char("k"), KeyPress(.up)], .moveUp, "Up"),
        Binding([KeyPress(.pageDown), .ctrl("f")], .pageDown, "Page down"),
        Binding([KeyPress(.pageUp), .ctrl("b")], .pageUp, "Page up"),
        Binding([.char("g"), KeyPress(.home)], .top, "First tracker"),
        Binding([.char("G"), KeyPress(.end)], .bottom, "Last tracker"),
        Binding([.char(" ")], .toggleTick, "Tick or untick the current tracker (then move down)", footer: "Tick"),
        Binding([.char("a")], .tickAllShown, "Tick all shown"),
        Binding([.char("A")], .clearTicks, "Clear ticks"),
        Binding([.char("/")], .focusFilter, "Filter by name, ID, code, line item, publisher or state", footer: "Filter"),
        Binding([KeyPress(.escape)], .clearFilter, "Clear the filter (then the ticks)"),
        Binding([.char("s")], .nextSortColumn, "Sort by the next column"),
        Binding([.char("S")], .reverseSort, "Reverse sort"),
        Binding([.char("n"), .char("c")], .create, "Create a click tracker", footer: "New"),
        Binding([KeyPress(.enter), .char("e")], .edit, "Edit the current tracker", footer: "Edit"),
        Binding([.char("I")], .importFiles, "Import Invest API pages or CSV: a file or a folder"),
        Binding([.char("m"), KeyPress(.function(2))], .moreActions, "More Actions menu", footer: "More"),
        Binding([.char("x")], .more(.exportTags), "Export Tags: options, preview, copy, save or email", footer: "Export"),
        Binding([.char("y")], .more(.copyTags), "Copy the tags of the ticked trackers (or the current one) with the last Export options"),
        Binding([.char("+")], .more(.activate), "Activate"),
        Binding([.char("-")], .more(.deactivate), "Deactivate"),
        Binding([.char("D")], .more(.duplicate), "Duplicate"),
        Binding([KeyPress(.delete)], .more(.delete), "Delete (asks first)"),
        Binding([.char("u")], .more(.undo), "Undo the last change made in this session (again for the one before)", footer: "Undo"),
        Binding([.ctrl("r")], .more(.redo), "Redo what was undone"),
        Binding([.char("q")], .quit, "Quit", footer: "Quit"),
    ]
}

/// The welcome screen's keys (an empty database).
public enum WelcomeAction: Sendable, Equatable {
    case loadDemo, importFiles, quit

    public static let bindings: [Binding<WelcomeAction>] = [
        Binding([.char("d"), KeyPress(.enter)], .loadDemo, "Load the demo catalog", footer: "Demo"),
        Binding([.char("i")], .importFiles, "Import a file or a folder", footer: "Import"),
        Binding([.char("q")], .quit, "Quit", footer: "Quit"),
    ]
}

/// The filter field's own keys; the rest edit the text (`TextFieldAction`).
public enum FilterAction: Sendable, Equatable {
    case done, clear

    public static let bindings: [Binding<FilterAction>] = [
        Binding([KeyPress(.enter), KeyPress(.tab), KeyPress(.down)], .done, "Back to the table, keeping the filter"),
        Binding([KeyPress(.escape)], .clear, "Clear the filter and go back to the table"),
    ]
}
