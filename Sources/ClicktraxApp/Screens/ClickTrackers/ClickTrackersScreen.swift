import ClicktraxCore
import TerminalUI
import TextTools

/// The Click Trackers screen (RULES.md §5): the toolbar (buttons, filter, counts), the table of
/// trackers and, on an empty database, the welcome. It holds no store: it says which reads the
/// next frame needs (`needs`) and takes what they found (`receive`); only a page of rows is
/// ever read, and typing a filter narrows the ordered ID list in memory. Given the impression
/// kind it is the Impression Trackers screen (RULES.md §12): no Landing Page, no Clicks.
public struct ClickTrackersScreen: AppScreen {
    static let kind = ScreenKind.clickTrackers

    /// Which trackers it lists.
    public let trackerKind: TrackerKind
    public let databaseName: String
    public private(set) var table = TableState<Int64>()
    public private(set) var filter = TextFieldState(placeholder: "name, ID, code, line item, publisher or state")
    public private(set) var filterFocused = false
    public private(set) var sortColumn = TrackerTableColumn.id
    public private(set) var descending = false
    /// What is pending or conflicting with Invest: the rows' marks (`*` pending, `!` conflicting).
    public internal(set) var sync = SyncStatus()
    /// The trackers on the current page, as read.
    public private(set) var visible: [Tracker] = []
    public private(set) var total = 0
    /// No catalog and no trackers at all: the welcome shows instead of the table.
    public private(set) var databaseEmpty = false
    /// The trackers shown, in order: every ID in the sort order, narrowed by the filter.
    public private(set) var ids: [Int64] = []

    private var countsKnown = false
    private var countsAsked = false
    /// Every tracker's ID in the sort order, as last read, and the query asked for.
    private var sorted: (query: TrackerQuery, ids: [Int64])?
    private var sortedAsked: TrackerQuery?
    /// Before the first frame: a screenful read by the query itself, shown until `sorted` comes
    /// (the whole ordered ID list, 8–13 ms at 100,000 trackers, is read once that frame is up).
    private var firstPage: TrackerQuery?
    private var firstPageAsked: TrackerQuery?
    /// What `ids` were made from: the sort's IDs and the filter's text.
    private var derivedFrom: (query: TrackerQuery, search: String)?
    /// The filter's texts (read in the background); `generation` tells a stale read from this one.
    private var filterIndex: TrackerFilterIndex?
    private var filterGeneration = 0
    private var filterAsked = false
    private var filterFailed = false
    /// Clicks per tracker over the last days of clicks (the Clicks column), read after the first
    /// frame and after every change.
    public private(set) var activity: ClickActivity?
    private var activityGeneration = 0
    private var activityAsked = false
    public static let activityDays = 14
    /// When the index could not be read: the store's own filter, per query.
    private var searchedIDs: (query: TrackerQuery, ids: [Int64])?
    private var searchAsked: TrackerQuery?
    /// Read the filter's texts ahead, before any filter needs them (once the first frame is up).
    private var readAhead = false
    private var loadedPage: (range: Range<Int>, ids: [Int64])?
    private var pageAsked: (range: Range<Int>, ids: [Int64])?
    /// The tracker the cursor stays on when the list is made again (after a save, a sort, a
    /// filter, someone's change); the one just created or duplicated, else the current one.
    private var anchor: Int64?
    /// Set by `follow`: the anchor is a tracker an action just made, which must be seen.
    private var anchorMustShow = false
    /// A checkbox clicked on a row not yet read: ticked once it is.
    private var pendingTick = false
    /// The page size of the last layout.
    private var pageSize = 10

    public init(databaseName: String, kind: TrackerKind = .click) {
        self.databaseName = databaseName
        trackerKind = kind
    }


    var sortQuery: TrackerQuery { TrackerQuery(sort: sortColumn.sort ?? .id, descending: descending) }
    var search: String { FastTrim.whitespace(filter.text, newlines: false) }

    /// The tracker under the cursor — or the one just made, while the list that holds it is still
    /// being read (the filter's texts come in the background): `x` right after Ctrl-S acts on it,
    /// never on whatever row the old list had under the cursor.
    public var currentId: Int64? {
        if anchorMustShow, let anchor { return anchor }
        return ids.indices.contains(table.cursor) ? ids[table.cursor] : nil
    }

    /// What a More Action acts on: the ticked trackers — those the filter hides too — or the
    /// current one when none is ticked.
    public var targets: [Int64] {
        table.ticked.isEmpty ? currentId.map { [$0] } ?? [] : table.ticked.sorted()
    }

    /// Ticked trackers the filter hides now (worked out when the list is made, or the ticks change
    /// wholesale: ticking a row on screen never hides one).
    public private(set) var hiddenTicked = 0

    private mutating func countHiddenTicks() {
        guard !table.ticked.isEmpty else { hiddenTicked = 0; return }
        let ticked = table.ticked
        hiddenTicked = ticked.count - ids.reduce(0) { $0 + (ticked.contains($1) ? 1 : 0) }
    }

    /// After a tracker is made (created, duplicated): the ticks go, so what acts next — `x`,
    /// `y`, a More Action — acts on the new tracker under the cursor, not on older ticks.
    mutating func clearTicks() {
        table.ticked.removeAll()
        hiddenTicked = 0
    }

    /// Whether a filter is typed but the list does not show its result yet.
    var filtering: Bool { !search.isEmpty && derivedFrom?.search != search }

    // MARK: Reads

    /// The reads the next frame needs, each asked for once. Also makes `ids` from what was
    /// read: the sort's IDs narrowed by the filter.
    mutating func needs(layout appLayout: AppLayout) -> [AppCommand] {
        reads(layout: appLayout).map { .trackers($0) }
    }

    private mutating func reads(layout appLayout: AppLayout) -> [TrackersCommand] {
        pageSize = layout(in: appLayout).pageSize
        table.setPageSize(pageSize)
        var commands: [TrackersCommand] = []
        if !countsKnown && !countsAsked {
            countsAsked = true
            commands.append(.countTrackers)
        }
        let query = sortQuery
        if sorted?.query != query {
            if !readAhead && sorted == nil {
                if firstPage != query && firstPageAsked != query {
                    firstPageAsked = query
                    commands.append(.readFirstTrackers(query, limit: pageSize))
                }
                return commands
            }
            if sortedAsked != query {
                sortedAsked = query
                commands.append(.readTrackerIDs(query))
            }
            return commands
        }
        let wantsIndex = readAhead || !search.isEmpty
        if wantsIndex && filterIndex == nil && !filterAsked && !filterFailed {
            filterAsked = true
            commands.append(.readFilterIndex(generation: filterGeneration, order: sorted?.ids ?? []))
        }
        // Clicks are a click tracker's (an impression tracker's id is another tracker's there).
        if readAhead && !activityAsked && trackerKind == .click {
            activityAsked = true
            commands.append(.readClickActivity(generation: activityGeneration))
        }
        if derivedFrom?.query != query || derivedFrom?.search != search {
            if search.isEmpty {
                setIDs(sorted?.ids ?? [])
            } else if filterIndex != nil {
                setIDs(filterIndex!.filter(sorted?.ids ?? [], by: search))
            } else if filterFailed {
                var searched = query
                searched.search = search
                if searchedIDs?.query == searched {
                    setIDs(searchedIDs?.ids ?? [])
                } else if searchAsked != searched {
                    searchAsked = searched
                    commands.append(.readTrackerIDs(searched))
                }
            }
            // Otherwise the filter's texts are on their way: the old list stays until then.
        }
        let page = table.offset..<min(ids.count, table.offset + pageSize)
        let pageIDs = Array(ids[page])
        if loadedPage?.range != page || loadedPage?.ids != pageIDs {
            if pageAsked?.range != page || pageAsked?.ids != pageIDs {
                pageAsked = (page, pageIDs)
                commands.append(.readTrackers(ids: pageIDs, page: page))
            }
        }
        return commands
    }

    /// The list is made again: the cursor goes back to its tracker, if it is still listed.
    private mutating func setIDs(_ newIDs: [Int64]) {
        let keep = anchor ?? currentId
        var newIDs = newIDs
        if anchorMustShow, let keep, !search.isEmpty, !newIDs.contains(keep), let all = sorted?.ids, all.contains(keep) {
            // The tracker just made does not match the filter: the filter goes, so the cursor
            // (and `x` right after) is on it, never on another.
            filter.text = ""
            newIDs = all
        }
        ids = newIDs
        derivedFrom = (sortQuery, search)
        countHiddenTicks()
        table.rowCount = ids.count
        if let keep, let row = ids.firstIndex(of: keep) {
            table.setCursor(row)
        } else if !search.isEmpty {
            table.setCursor(0)
        }
        anchor = nil
        anchorMustShow = false
    }

    /// What a read found (the other messages of the feature are not the screen's).
    mutating func receive(_ message: TrackersMessage) {
        switch message {
        case .trackersCounted(let total, let databaseEmpty):
            self.total = total
            self.databaseEmpty = databaseEmpty
            countsKnown = true
            countsAsked = false
        case .trackerIDsRead(let query, let found):
            if query.search == nil {
                guard query == sortedAsked else { return }
                sorted = (query, found)
                sortedAsked = nil
                derivedFrom = nil
                firstPage = nil
            } else {
                guard query == searchAsked else { return }
                searchedIDs = (query, found)
                searchAsked = nil
                derivedFrom = nil
            }
        case .firstTrackersRead(let query, let trackers):
            guard query == firstPageAsked, sorted == nil else { return }
            firstPageAsked = nil
            firstPage = query
            // The rows of the first frame; the cursor's tracker is the first of them, and stays
            // the current one when every ID comes.
            visible = trackers
            ids = trackers.map(\.id)
            table.rowCount = ids.count
            loadedPage = (0..<ids.count, ids)
        case .trackersRead(let page, let trackers):
            guard let asked = pageAsked, asked.range == page else { return }
            visible = trackers
            loadedPage = asked
            pageAsked = nil
            if pendingTick, let id = currentId { table.toggle(id) }
            pendingTick = false
        case .filterIndexRead(let generation, let index):
            guard generation == filterGeneration else { return }
            filterAsked = false
            if let index { filterIndex = index } else { filterFailed = true }
            if !search.isEmpty { derivedFrom = nil }
        case .clickActivityRead(let generation, let activity):
            guard generation == activityGeneration else { return }
            if let activity { self.activity = activity }
        default:
            break
        }
    }

    /// From now on, read the filter's texts ahead (the app calls this once the first frame is up).
    mutating func startReadingAhead() { readAhead = true }

    /// Everything is read again (after a change, or Ctrl-L); the cursor stays on its tracker.
    mutating func reload() {
        anchor = anchor ?? currentId
        countsKnown = false
        countsAsked = false
        sorted = nil
        sortedAsked = nil
        firstPage = nil
        firstPageAsked = nil
        derivedFrom = nil
        searchedIDs = nil
        searchAsked = nil
        loadedPage = nil
        pageAsked = nil
        filterIndex = nil
        filterAsked = false
        filterFailed = false
        filterGeneration += 1
        activityAsked = false
        activityGeneration += 1
    }

    /// Keeps the cursor on this tracker once the list is read again (one just created, say).
    /// If the filter would hide it, the filter goes, so the tracker an action acts on is seen.
    mutating func follow(_ id: Int64) {
        anchor = id
        anchorMustShow = true
    }

    /// After trackers are deleted: their ticks go too.
    mutating func forget(_ deleted: [Int64]) {
        table.ticked.subtract(deleted)
        countHiddenTicks()
    }

    // MARK: Input

    mutating func handle(_ event: InputEvent, layout appLayout: AppLayout) -> [AppIntent] {
        let layout = self.layout(in: appLayout)
        pageSize = layout.pageSize
        table.setPageSize(pageSize)
        switch event {
        case .key(let press):
            if databaseEmpty {
                guard let action = Binding.action(for: press, in: WelcomeAction.bindings) else { return [] }
                switch action {
                case .loadDemo: return [.imports(.loadDemo)]
                case .importFiles: return [.imports(.openImport)]
                case .quit: return [.quit]
                }
            }
            if filterFocused { return handleFilter(press) }
            guard let action = Binding.action(for: press, in: ClickTrackersAction.bindings) else { return [] }
            return perform(action)
        case .paste(let text):
            // A paste is text, never keys: on the screen it goes into the filter.
            guard !databaseEmpty else { return [] }
            filterFocused = true
            filter.insert(text)
            return []
        case .mouse(let mouse):
            return handleMouse(mouse, layout: layout)
        case .resize:
            return []
        }
    }

    mutating func handleFilter(_ press: KeyPress) -> [AppIntent] {
        guard let action = Binding.action(for: press, in: FilterAction.bindings) else {
            _ = filter.handle(press)
            return []
        }
        switch action {
        case .done: filterFocused = false
        case .clear:
            filter.text = ""
            filterFocused = false
        }
        return []
    }

    mutating func perform(_ action: ClickTrackersAction) -> [AppIntent] {
        if let move = action.tableMove { table.move(move) }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom: break
        case .toggleTick:
            if let id = currentId { table.toggle(id); table.moveCursor(by: 1) }
        case .tickAllShown:
            // Every tracker the filter shows, not just the page.
            table.ticked.formUnion(ids)
        case .clearTicks: clearTicks()
        case .focusFilter: filterFocused = true
        case .clearFilter:
            if !filter.text.isEmpty { filter.text = "" } else { clearTicks() }
        case .nextSortColumn:
            let all = TrackerTableColumn.sortable
            sortColumn = all[((all.firstIndex(of: sortColumn) ?? 0) + 1) % all.count]
            descending = false
            anchor = currentId
        case .reverseSort:
            descending.toggle()
            anchor = currentId
        case .create: return [.trackers(.openTracker(nil))]
        case .importFiles: return [.imports(.openImport)]
        case .edit:
            guard let id = currentId else { return [.show(Toast("Edit: there is no tracker here; n creates one", kind: .error))] }
            return [.trackers(.openTracker(id))]
        case .more(let action): return [.trackers(.run(action))]
        case .moreActions: return [.trackers(.openMoreActions)]
        case .quit: return [.quit]
        }
        return []
    }

    mutating func handleMouse(_ mouse: MouseEvent, layout: ClickTrackersLayout) -> [AppIntent] {
        switch mouse.kind {
        case .wheelUp: table.scroll(by: -3)
        case .wheelDown: table.scroll(by: 3)
        case .press, .click:
            if databaseEmpty { return [] }
            if layout.createButton.contains(x: mouse.x, y: mouse.y) { filterFocused = false; return [.trackers(.openTracker(nil))] }
            if layout.moreActionsButton.contains(x: mouse.x, y: mouse.y) { filterFocused = false; return [.trackers(.openMoreActions)] }
            if layout.filterLabel.contains(x: mouse.x, y: mouse.y) || layout.filterField.contains(x: mouse.x, y: mouse.y) {
                filterFocused = true
                return []
            }
            filterFocused = false
            if mouse.y == layout.table.y {
                // The header: sort by the column clicked; again to reverse.
                if let column = layout.column(atX: mouse.x), column.sort != nil {
                    if column == sortColumn { descending.toggle() } else { sortColumn = column; descending = false }
                    anchor = currentId
                }
                return []
            }
            let row = table.offset + mouse.y - layout.table.y - 1
            guard mouse.y > layout.table.y, mouse.y < layout.table.maxY, row < table.rowCount else { return [] }
            let onCheckbox = mouse.x < layout.table.x + TableWidget.checkboxWidth
            if onCheckbox, row == table.cursor, let id = currentId { table.toggle(id); return [] }
            let again = row == table.cursor
            table.setCursor(row)
            if onCheckbox {
                if let id = currentId { table.toggle(id) } else { pendingTick = true }
            }
            // A second click on the current row opens it.
            if again && !onCheckbox, let id = currentId { return [.trackers(.openTracker(id))] }
        default:
            break
        }
        return []
    }

    // MARK: Drawing

    /// `1,204 ▂▃▅▇█▆▃▁  ▁▂▃▅`: clicks over the last 14 days of clicks, and a bar a day.
    func clicksCell(_ id: Int64) -> String {
        guard let activity, !activity.days.isEmpty else { return "" }
        guard let series = activity.byTracker[id] else { return "0 " + String(repeating: " ", count: activity.days.count) }
        return "\(series.clicks.grouped) \(SparklineWidget.text(series.daily))"
    }

    /// `25 of 31,204 shown · 2 ticked`; in a narrow terminal `25 of 31,204 · 2 ticked`, the
    /// ticks only when there are some.
    func countsText(short: Bool) -> String {
        let ticked = table.ticked.count
        // Ticks the filter hides still count for Export, Copy and the More Actions: said.
        let hidden = hiddenTicked > 0 ? ", \(hiddenTicked) hidden" : ""
        if filtering { return short ? "filtering…" : "filtering… · \(ticked) ticked\(hidden)" }
        // The first frame holds a screenful of them all: every one is listed, unfiltered.
        let shown = firstPage != nil ? total : table.rowCount
        if short { return "\(shown.grouped) of \(total.grouped)" + (ticked > 0 ? " · \(ticked) ticked\(hidden)" : "") }
        return "\(shown.grouped) of \(total.grouped) shown · \(ticked) ticked\(hidden)"
    }

    /// Whether the Clicks column has anything to show (clicks were loaded and there are days).
    var showsClicks: Bool { trackerKind == .click && !(activity?.days.isEmpty ?? true) }

    func layout(in appLayout: AppLayout) -> ClickTrackersLayout {
        let full = ClickTrackersLayout(body: appLayout.body, countsText: countsText(short: false), showingClicks: showsClicks, kind: trackerKind)
        return full.filterIsUsable ? full
            : ClickTrackersLayout(body: appLayout.body, countsText: countsText(short: true), showingClicks: showsClicks, kind: trackerKind)
    }

    var takesText: Bool { filterFocused }

    var footerHints: [(key: String, label: String)] {
        databaseEmpty ? Binding.footerHints(WelcomeAction.bindings) : Binding.footerHints(ClickTrackersAction.bindings)
    }

    func renderWelcome(in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let width = min(rect.width - 4, 76)
        let paragraphs = [
            "This database is empty: no line items, publishers or click trackers yet.",
            "",
            "Press d (or Enter) to load the demo catalog: 10 advertisers, 300 line items, 40 publishers with placements and "
                + "payment rules, 25 trackers.",
            "",
            "Press i to import your own: Invest API pages (.json) or CSV, a file or a folder of them, all or nothing.",
            "",
            "q quits · ? lists every key",
        ]
        var lines: [(String, ThemeRole)] = paragraphs.flatMap { paragraph in
            paragraph.isEmpty ? [("", ThemeRole.dialog)] : TextWrap.words(paragraph, width: width - 4).map { ($0, ThemeRole.dialog) }
        }
        // The database's path, whole (wrapped), under the first paragraph: which file this is.
        let firstParagraph = TextWrap.words(paragraphs[0], width: width - 4).count
        lines.insert(contentsOf: TextWrap.hard(databaseName, width: width - 4).map { ($0, ThemeRole.textMuted) }, at: firstParagraph)
        let box = rect.centered(width: width, height: lines.count + 2)
        let inner = DialogFrame.render(title: "Welcome to Clicktrax", in: box, theme: theme, into: &buffer)
        for (row, line) in lines.enumerated() where row < inner.height {
            buffer.write(line.0, x: inner.x, y: inner.y + row, maxWidth: inner.width, role: line.1, theme: theme)
        }
    }

    /// Draws the screen's area. Pure: reads only what `receive` kept.
    func render(into buffer: inout ScreenBuffer, layout appLayout: AppLayout, theme: Theme) {
        let layout = self.layout(in: appLayout)
        buffer.fill(appLayout.body, role: .screen, theme: theme)
        if databaseEmpty {
            // Nothing to filter or act on yet: the welcome alone, over the whole area.
            renderWelcome(in: appLayout.body, theme: theme, into: &buffer)
            buffer.cursor = nil
            return
        }
        buffer.fill(layout.toolbar, role: .toolbar, theme: theme)
        layout.buttons.render(focused: nil, toolbar: true, theme: theme, into: &buffer)
        buffer.write("Filter ", x: layout.filterLabel.x, y: layout.filterLabel.y, role: .fieldLabel, theme: theme)
        var field = filter
        TextFieldWidget.render(&field, in: layout.filterField, focused: filterFocused, theme: theme, into: &buffer)
        let cursor = buffer.cursor
        buffer.write(layout.countsText, x: layout.counts.x, y: layout.counts.y, role: .toolbarCounts, theme: theme)

        if total == 0 && countsKnown {
            buffer.write("No \(trackerKind.noun)s yet: n creates one (the catalog of line items and publishers is here).",
                         x: 2, y: layout.table.y + 2, maxWidth: layout.table.width - 4, role: .textMuted, theme: theme)
        } else {
            var state = table
            state.sortColumn = sortColumn.rawValue
            state.sortDescending = descending
            let rows = visible.map { tracker in
                var cells = TrackerTableColumn.allCases.map { $0.text(tracker) }
                cells[TrackerTableColumn.clicks.rawValue] = clicksCell(tracker.id)
                if let mark = sync.mark(tracker.id) { cells[TrackerTableColumn.name.rawValue] = mark + " " + tracker.name }
                return TableRow(id: tracker.id, cells: cells, dimmed: tracker.state == .inactive)
            }
            TableWidget.render(&state, columns: TrackerTableColumn.columns(showingClicks: showsClicks, kind: trackerKind), checkboxes: true, in: layout.table, theme: theme,
                               into: &buffer) { range in
                Array(rows.prefix(range.count))
            }
            if !layout.columns.contains(where: { $0.column == sortColumn }) {
                // The sort column made way in a narrow terminal: say what the order is anyway.
                let note = " sorted by \(sortColumn.column.title) \(descending ? "▼" : "▲") "
                let width = DisplayWidth.of(note)
                buffer.write(note, x: max(0, layout.table.maxX - width - 1), y: layout.table.y, role: .tableHeaderSorted, theme: theme)
            }
            if table.rowCount == 0 && !filtering {
                buffer.write("No tracker matches “\(DisplayWidth.truncate(filter.text, to: 40))”. Esc clears the filter.",
                             x: 2, y: layout.table.y + 2, maxWidth: layout.table.width - 4, role: .textMuted, theme: theme)
            }
        }
        buffer.cursor = filterFocused ? cursor : nil
    }
}
