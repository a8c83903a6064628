import ClicktraxCore
import TerminalUI

/// The Click Trackers screen (SPEC §5): title bar, filter and counts, the table of trackers
/// over the store (only the visible rows are read), and the footer of key hints.
public struct MainScreen {
    public let store: any TrackerStore
    public let databaseName: String
    public private(set) var table = TableState<Int64>()
    public private(set) var filter = TextFieldState(placeholder: "name, ID, code, line item or publisher")
    public private(set) var filterFocused = false
    public private(set) var sortColumn = TrackerTableColumn.id
    public private(set) var descending = false
    /// The trackers in view, read for the current page.
    public private(set) var visible: [ClickTracker] = []
    public private(set) var total = 0
    /// No catalog and no trackers at all: the welcome screen shows instead of the table.
    public private(set) var databaseEmpty = false
    public var toast: Toast?
    /// The IDs the query finds, in order: read once per query, then paged through by ID.
    private var ids: [Int64] = []
    private var loadedPage: Range<Int>?
    /// A checkbox clicked on a row not yet read: ticked once the page is loaded.
    private var pendingTick = false
    private var loadedQuery: TrackerQuery?
    /// Every tracker's ID in the current order, and the filter's texts: typing a filter narrows
    /// these in memory instead of asking the database again per keystroke. Both are read again
    /// after a change.
    private var unfiltered: (query: TrackerQuery, ids: [Int64])?
    private let filterLoader = TrackerFilterLoader()
    private var filterLoadStarted = false
    /// Set once the first frame is on screen (`startBackgroundReads`): the filter's texts are then
    /// read ahead on another thread; before that, only when a filter needs them.
    private var backgroundReads = false
    /// The database's totals are read again only after a change, not on every filter keystroke.
    private var countsStale = true

    /// Rows taken by the title, the toolbar and the footer.
    static let chromeRows = 3

    public init(store: any TrackerStore, databaseName: String) {
        self.store = store
        self.databaseName = databaseName
    }

    var query: TrackerQuery {
        TrackerQuery(search: filter.text.isEmpty ? nil : filter.text, sort: sortColumn.sort, descending: descending)
    }

    /// Reads what the next frame shows: the counts when the query changed, then the rows of the
    /// current page. Called before every render, so render itself stays pure.
    public mutating func prepare(width: Int, height: Int) throws {
        lastWidth = width
        let query = query
        if countsStale {
            total = try store.trackerCount(TrackerQuery())
            databaseEmpty = try total == 0 && store.isEmpty()
            countsStale = false
        }
        // After a change the old texts are stale: read them again (in the background).
        if backgroundReads && !filterLoadStarted {
            filterLoader.start(store)
            filterLoadStarted = true
        }
        if query != loadedQuery {
            var everything = query
            everything.search = nil
            if unfiltered?.query != everything { unfiltered = (everything, try store.trackerIDs(everything)) }
            if let search = query.search {
                if !filterLoadStarted {
                    filterLoader.start(store)
                    filterLoadStarted = true
                }
                if let index = filterLoader.wait() {
                    ids = index.filter(unfiltered?.ids ?? [], by: search)
                } else {
                    ids = try store.trackerIDs(query)
                }
            } else {
                ids = unfiltered?.ids ?? []
            }
            table.rowCount = ids.count
            loadedQuery = query
            loadedPage = nil
        }
        table.setPageSize(max(1, height - Self.chromeRows - 1))
        // Only a new page is read: a frame that moves nothing reads nothing.
        let page = table.offset..<min(ids.count, table.offset + table.pageSize)
        if page != loadedPage {
            visible = try store.trackers(ids: Array(ids[page]))
            loadedPage = page
        }
        if pendingTick, let id = currentId { table.toggle(id) }
        pendingTick = false
    }

    /// From now on, read the filter's texts ahead on another thread (the app calls this once the
    /// first frame is painted).
    public mutating func startBackgroundReads() {
        backgroundReads = true
    }

    /// Forces the next `prepare` to count again (after an edit elsewhere).
    public mutating func reload() {
        loadedQuery = nil
        unfiltered = nil
        filterLoadStarted = false
        countsStale = true
    }

    public mutating func handle(_ event: InputEvent) -> [AppEffect] {
        switch event {
        case .key(let press):
            if databaseEmpty && (press == .char("d") || press.key == .enter) { return [.loadDemo] }
            if databaseEmpty && press == .char("i") { return [.openImport] }
            if filterFocused { return handleFilter(press) }
            guard let action = Binding.action(for: press, in: MainAction.bindings) else { return [] }
            return perform(action)
        case .paste(let text):
            filterFocused = true
            filter.insert(text)
            table.setCursor(0)
            return []
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .resize:
            return [.redraw]
        }
    }

    mutating func handleFilter(_ press: KeyPress) -> [AppEffect] {
        switch press.key {
        case .enter, .tab, .down:
            filterFocused = false
        case .escape:
            filter.text = ""
            filterFocused = false
        default:
            if press == .ctrl("c") { return [.quit] }
            if filter.handle(press) { table.setCursor(0) }
        }
        return []
    }

    mutating func perform(_ action: MainAction) -> [AppEffect] {
        switch action {
        case .moveUp: table.moveCursor(by: -1)
        case .moveDown: table.moveCursor(by: 1)
        case .pageUp: table.pageUp()
        case .pageDown: table.pageDown()
        case .top: table.moveToTop()
        case .bottom: table.moveToBottom()
        case .toggleTick:
            if let id = currentId { table.toggle(id); table.moveCursor(by: 1) }
        case .tickAllShown:
            // Every tracker the filter shows, not just the page.
            table.ticked.formUnion(ids)
        case .clearTicks: table.ticked.removeAll()
        case .focusFilter: filterFocused = true
        case .clearFilter:
            if !filter.text.isEmpty { filter.text = ""; table.setCursor(0) } else { table.ticked.removeAll() }
        case .nextSortColumn:
            let all = TrackerTableColumn.allCases
            sortColumn = all[(all.firstIndex(of: sortColumn)! + 1) % all.count]
            descending = false
        case .reverseSort: descending.toggle()
        case .create: return [.openTracker(nil)]
        case .importFiles: return [.openImport]
        case .edit:
            guard let id = currentId else { toast = Toast("Edit: there is no tracker here; n creates one", kind: .error); return [] }
            return [.openTracker(id)]
        case .copyTags: return [.run(.copyTags)]
        case .exportTags: return [.run(.exportTags)]
        case .activate: return [.run(.activate)]
        case .deactivate: return [.run(.deactivate)]
        case .duplicate: return [.run(.duplicate)]
        case .delete: return [.run(.delete)]
        case .undo: return [.run(.undo)]
        case .moreActions: return [.openMoreActions]
        case .help: return [.openHelp]
        case .redraw:
            // Ctrl-L also re-reads: another operator's changes show up.
            reload()
            return [.redraw]
        case .suspend: return [.suspend]
        case .quit: return [.quit]
        }
        return []
    }

    mutating func handleMouse(_ mouse: MouseEvent) -> [AppEffect] {
        switch mouse.kind {
        case .wheelUp: table.scroll(by: -3)
        case .wheelDown: table.scroll(by: 3)
        case .press, .click:
            if Self.createButton.contains(x: mouse.x, y: mouse.y) { filterFocused = false; return [.openTracker(nil)] }
            if Self.moreActionsButton.contains(x: mouse.x, y: mouse.y) { filterFocused = false; return [.openMoreActions] }
            if mouse.y == 1 { filterFocused = true; return [] }
            filterFocused = false
            if mouse.y == 2 {
                // The header: sort by the column clicked; again to reverse.
                if let column = columnAt(x: mouse.x) {
                    if column == sortColumn { descending.toggle() } else { sortColumn = column; descending = false }
                }
                return []
            }
            let row = table.offset + mouse.y - 3
            guard mouse.y >= 3, row < table.rowCount else { return [] }
            if mouse.x < 4, row == table.cursor, let id = currentId { table.toggle(id); return [] }
            let again = row == table.cursor
            table.setCursor(row)
            if mouse.x < 4 { pendingTick = true }
            // A second click on the current row opens it.
            if again && mouse.x >= 4, let id = currentId { return [.openTracker(id)] }
        default:
            break
        }
        return []
    }

    var lastWidth = 100

    func columnAt(x: Int) -> TrackerTableColumn? {
        var left = 4
        for (index, width) in TableColumn.layout(TrackerTableColumn.columns, width: lastWidth - 5) {
            if x >= left && x < left + width { return TrackerTableColumn(rawValue: index) }
            left += width + 1
        }
        return nil
    }

    /// What a More Action acts on: the ticked trackers, or the current one when none is ticked.
    public var targets: [Int64] {
        table.ticked.isEmpty ? currentId.map { [$0] } ?? [] : table.ticked.sorted()
    }

    /// After trackers are deleted: their ticks go too.
    public mutating func forget(_ ids: [Int64]) {
        table.ticked.subtract(ids)
        reload()
    }

    /// The toolbar's buttons: where they are, for the mouse and for the menu's anchor.
    static let createButton = Rect(x: 1, y: 1, width: 24, height: 1)
    static let moreActionsButton = Rect(x: 27, y: 1, width: 18, height: 1)

    public var currentId: Int64? {
        let position = table.cursor - table.offset
        return visible.indices.contains(position) ? visible[position].id : nil
    }

    func renderWelcome(in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let box = rect.centered(width: min(rect.width - 4, 76), height: 11)
        let inner = DialogFrame.render(title: "Welcome to Clicktrax", in: box, theme: theme, into: &buffer)
        let lines = [
            "This database is empty: no line items, publishers or click trackers yet.",
            DisplayWidth.truncate(databaseName, to: inner.width),
            "",
            "Press d (or Enter) to load the demo catalog: 10 advertisers, 300 line",
            "items, 40 publishers with placements and payment rules, 25 trackers.",
            "",
            "Press i to import your own: Invest API pages (.json) or CSV, a file or a",
            "folder of them, all or nothing.   q quits · ? lists every key",
        ]
        for (row, line) in lines.enumerated() where row < inner.height {
            buffer.write(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, role: row == 1 ? .textMuted : .dialog, theme: theme)
        }
    }

    /// Draws the screen into `buffer`. Pure: reads what `prepare` loaded.
    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let width = buffer.width, height = buffer.height
        buffer.fill(buffer.bounds, role: .screen, theme: theme)

        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .titleBar, theme: theme)
        var x = 1 + buffer.write("Clicktrax", x: 1, y: 0, role: .titleProduct, theme: theme)
        buffer.write("  Creative › Click Trackers", x: x, y: 0, role: .titleBar, theme: theme)
        let database = DisplayWidth.truncate(databaseName, to: max(0, width / 3))
        buffer.write(database, x: width - DisplayWidth.of(database) - 1, y: 0, role: .titleBar, theme: theme)

        ButtonWidget.render("Create Click Tracker", focused: false, x: Self.createButton.x, y: 1, theme: theme, into: &buffer)
        ButtonWidget.render("More Actions ▾", focused: false, x: Self.moreActionsButton.x, y: 1, theme: theme, into: &buffer)
        x = Self.moreActionsButton.maxX + 2
        x += buffer.write("Filter ", x: x, y: 1, role: .fieldLabel, theme: theme)
        let counts = "\(table.rowCount) of \(total) shown · \(table.ticked.count) ticked"
        let countsWidth = DisplayWidth.of(counts)
        var field = filter
        TextFieldWidget.render(&field, in: Rect(x: x, y: 1, width: max(10, min(48, width - x - countsWidth - 3)), height: 1),
                               focused: filterFocused, theme: theme, into: &buffer)
        buffer.write(counts, x: max(x, width - countsWidth - 1), y: 1, role: .toolbarCounts, theme: theme)

        let tableRect = Rect(x: 0, y: 2, width: width, height: height - Self.chromeRows)
        if databaseEmpty {
            renderWelcome(in: tableRect, theme: theme, into: &buffer)
        } else if total == 0 {
            buffer.write("No click trackers yet: n creates one (the catalog of line items and publishers is here).",
                         x: 2, y: 4, maxWidth: width - 4, role: .textMuted, theme: theme)
        } else {
            var state = table
            state.sortColumn = sortColumn.rawValue
            state.sortDescending = descending
            let rows = visible.map { tracker in
                TableRow(id: tracker.id, cells: TrackerTableColumn.allCases.map { $0.text(tracker) }, dimmed: tracker.state == .inactive)
            }
            TableWidget.render(&state, columns: TrackerTableColumn.columns, checkboxes: true, in: tableRect, theme: theme,
                               into: &buffer) { range in
                Array(rows.prefix(range.count))
            }
            if table.rowCount == 0 {
                buffer.write("No tracker matches “\(filter.text)”. Esc clears the filter.", x: 2, y: 4, maxWidth: width - 4,
                             role: .textMuted, theme: theme)
            }
        }
        FooterWidget.render(Binding.footerHints(MainAction.bindings), y: height - 1, width: width, theme: theme, into: &buffer)
        if !filterFocused { buffer.cursor = nil }
    }
}
