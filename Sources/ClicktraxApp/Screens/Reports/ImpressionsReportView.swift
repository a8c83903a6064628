import ClicktraxCore
import TerminalUI
import TextTools

/// The Reports screen's impressions (`i`): Network Analytics' external impressions, clicks and
/// CTR per line item, publisher, placement or day over the newest days pulled — with, always on
/// screen, the reason no row names an impression tracker. The report is read off the loop; sort
/// and filter work on the rows that arrived.
struct ImpressionsReportView: Sendable {
    /// What `b` steps through: the three together (the finest Network Analytics reports), then each alone.
    static let groupings: [[ImpressionDimension]] = [[.lineItem, .publisher, .placement], [.lineItem], [.publisher], [.placement], [.day]]

    private(set) var groupingIndex = 0
    private(set) var table = TableState<Int>()
    private(set) var sortColumn = 0
    private(set) var descending = false
    private(set) var report: ImpressionReport?
    /// Row indexes into `report.rows`, filtered and sorted.
    private(set) var order: [Int] = []
    /// Made once per report (and per sort): every row in the sort's order, and each row's ids,
    /// names or day folded for the filter — a keystroke only filters.
    private var sorted: [Int] = []
    private var searchTexts: [String] = []
    /// The impressions and clicks of the rows shown, summed once per arrangement.
    private(set) var shownTotals: (impressions: Int64, clicks: Int64) = (0, 0)
    private var asked: ImpressionReportQuery?
    private var stale = true

    /// The grouping chosen (`b`); the table shows the report's own until the next one arrives.
    var dimensions: [ImpressionDimension] { Self.groupings[groupingIndex] }
    var shownDimensions: [ImpressionDimension] { report?.query.dimensions ?? dimensions }

    /// The table's key columns for `dimensions`: an id and a name each, a day alone.
    static func keyColumns(_ dimensions: [ImpressionDimension]) -> Int { dimensions.reduce(0) { $0 + ($1 == .day ? 1 : 2) } }

    /// The query over `hours` hours ending `shift` lengths before the newest hour's day.
    func query(hours: Int64, shift: Int64) -> ImpressionReportQuery {
        var query = ImpressionReportQuery(dimensions: dimensions)
        if let newest = report?.newestHour {
            let end = (hours < 24 ? ClickTime.startOfHour(newest) + ClickTime.hour : ClickTime.startOfDay(newest) + ClickTime.day)
                - shift * hours * ClickTime.hour
            query.to = end
            query.from = end - hours * ClickTime.hour
        }
        return query
    }

    mutating func needs(hours: Int64, shift: Int64) -> [AppCommand] {
        guard stale else { return [] }
        stale = false
        let query = query(hours: hours, shift: shift)
        asked = query
        return [.reports(.runImpressionReport(query))]
    }

    mutating func reload() { stale = true }

    var isWaiting: Bool { stale || asked != nil }

    /// A report arrived; the first one, made before the newest hour was known, is asked again
    /// for the range chosen.
    mutating func receive(_ query: ImpressionReportQuery, _ report: ImpressionReport, filter: String) {
        let first = self.report == nil
        guard query == asked || first else { return }
        if query == asked { asked = nil }
        self.report = report
        if first && query.from == nil && report.newestHour != nil { stale = true }
        searchTexts = report.rows.map { TextFolding.fold(cells($0).joined(separator: " ")) }
        resort(filter: filter)
    }

    /// Every row in the sort's order (the report's own is by its keys), then the filter.
    mutating func resort(filter: String) {
        guard let report else { sorted = []; arrange(filter: filter); return }
        let column = min(sortColumn, columns.count - 1)
        let (dimensions, descending) = (shownDimensions, descending)
        sorted = Array(report.rows.indices).sorted { a, b in
            descending ? Self.less(report.rows[b], report.rows[a], column: column, dimensions: dimensions)
                : Self.less(report.rows[a], report.rows[b], column: column, dimensions: dimensions)
        }
        arrange(filter: filter)
    }

    /// The rows whose ids, names or day hold every word of the filter, in the sort's order.
    mutating func arrange(filter: String) {
        guard let report else { order = []; table.rowCount = 0; shownTotals = (0, 0); return }
        let words = TextFolding.fold(filter.trimmingCharacters(in: .whitespaces)).split(separator: " ").map(String.init)
        order = words.isEmpty ? sorted : sorted.filter { index in words.allSatisfy { searchTexts[index].contains($0) } }
        table.rowCount = order.count
        shownTotals = order.count == report.rows.count ? (report.impressions, report.clicks)
            : order.reduce((Int64(0), Int64(0))) { ($0.0 &+ report.rows[$1].impressions, $0.1 &+ report.rows[$1].clicks) }
    }

    /// Sorted by the column's value; ties keep the report's order (by its keys).
    static func less(_ x: ImpressionReport.Row, _ y: ImpressionReport.Row, column: Int, dimensions: [ImpressionDimension]) -> Bool {
        switch column - keyColumns(dimensions) {
        case 0: return x.impressions < y.impressions
        case 1: return x.clicks < y.clicks
        case 2: return (x.ctr ?? -1) < (y.ctr ?? -1)
        default:
            // A key column: the key of its dimension (ids and days sort as numbers, names as text).
            var position = 0
            for (index, dimension) in dimensions.enumerated() {
                let width = dimension == .day ? 1 : 2
                if column < position + width {
                    switch (x.keys[index], y.keys[index]) {
                    case (.day(let a), .day(let b)): return a < b
                    case (.object(let a, let an), .object(let b, let bn)):
                        return column == position ? a < b : (an ?? "").localizedStandardCompare(bn ?? "") == .orderedAscending
                    default: return false
                    }
                }
                position += width
            }
            return false
        }
    }

    var columns: [TableColumn] {
        // Where room is short, names go first, then the last keys: the first key always shows.
        var columns: [TableColumn] = []
        for (index, dimension) in shownDimensions.enumerated() {
            if dimension == .day {
                columns.append(TableColumn("Day", minWidth: 10, priority: 92 - index * 3))
            } else {
                columns.append(TableColumn(dimension.title, minWidth: 9, priority: 92 - index * 3, alignRight: true))
                columns.append(TableColumn("Name", minWidth: 14, flex: 3, priority: 80 - index))
            }
        }
        return columns + [TableColumn("Impressions", minWidth: 11, priority: 95, alignRight: true),
                          TableColumn("Clicks", minWidth: 7, priority: 94, alignRight: true),
                          TableColumn("CTR", minWidth: 7, priority: 93, alignRight: true)]
    }

    func cells(_ row: ImpressionReport.Row) -> [String] {
        var cells: [String] = []
        for key in row.keys {
            switch key {
            case .day(let day): cells.append(ClickTime.formatDay(day))
            case .object(let id, let name):
                cells.append(id == 0 ? "none" : String(id))
                cells.append(id == 0 ? "" : name ?? "(not in this database)")
            }
        }
        return cells + [row.impressions.grouped, row.clicks.grouped, ImpressionReport.formatCTR(row.ctr)]
    }

    // MARK: Actions

    /// The actions that work on the rows here; the rest are the screen's.
    mutating func perform(_ action: ReportsAction, filter: String) -> [AppIntent] {
        if let move = action.tableMove {
            table.move(move)
            return []
        }
        switch action {
        case .nextGrouping:
            groupingIndex = (groupingIndex + 1) % Self.groupings.count
            // By day in time order; else the most impressions first.
            sortColumn = dimensions == [.day] ? 0 : Self.keyColumns(dimensions)
            descending = dimensions != [.day]
            table.moveToTop()
            stale = true
        case .nextThenBy:
            return [.show(Toast("Impressions: b steps through line item › publisher › placement, each alone, and day"))]
        case .nextSortColumn:
            sortColumn = (sortColumn + 1) % columns.count
            descending = sortColumn >= columns.count - 3
            resort(filter: filter)
        case .reverseSort:
            descending.toggle()
            resort(filter: filter)
        case .showTracker:
            return [.show(Toast("Network Analytics reports no tracker id: a row is a line item, publisher and placement"))]
        default: break
        }
        return []
    }

    mutating func scroll(by delta: Int) { table.scroll(by: delta) }
    mutating func setCursor(_ row: Int) { table.setCursor(row) }
    var tableOffset: Int { table.offset }
    var rowCount: Int { table.rowCount }

    // MARK: Drawing

    func summaryText() -> String {
        guard let report, report.newestHour != nil else { return "" }
        let (impressions, clicks) = shownTotals
        return "\(order.count.grouped) of \(report.rows.count.grouped) rows · \(impressions.grouped) impressions · \(clicks.grouped) clicks · CTR "
            + ImpressionReport.formatCTR(ImpressionReport.ctr(clicks: clicks, impressions: impressions))
            + (order.count != report.rows.count ? " (the rows shown)" : "")
    }

    func rangeText(label: String, hours: Int64, shift: Int64) -> String {
        guard let report, report.newestHour != nil else { return label }
        let end = report.to - (hours < 24 ? 0 : ClickTime.day)
        let span = hours < 24 ? "\(ClickTime.formatHour(report.from)) – \(ClickTime.formatHour(report.to))"
            : "\(ClickTime.formatDay(report.from)) – \(ClickTime.formatDay(end))"
        return "\(label): \(span)\(shift == 0 ? "" : " (earlier)")"
    }

    func render(into buffer: inout ScreenBuffer, layout: ReportsLayout, filtered: Bool, theme: Theme) {
        guard let report else {
            buffer.write("Reading the impressions…", x: 2, y: layout.table.y + 1, role: .textMuted, theme: theme)
            return
        }
        // The caveat whole, on as many of the last three rows as it needs.
        let note = TextWrap.words(ImpressionReport.shortCaveat, width: max(1, layout.body.width - 2)).prefix(3)
        for (index, line) in note.enumerated() {
            buffer.write(line, x: layout.body.x + 1, y: layout.body.maxY - note.count + index, maxWidth: layout.body.width - 2,
                         role: .textMuted, theme: theme)
        }
        let tableBottom = layout.body.maxY - note.count
        if report.newestHour == nil {
            let lines = [
                "No impressions in this database yet.",
                "",
                "Impression trackers are counted in Invest's Network Analytics (external impressions and clicks by line item,",
                "publisher and placement). Connected to Invest: clicktrax invest pull-impressions --from YYYY-MM-DD.",
                "i goes back to the clicks.",
            ]
            for (row, line) in lines.enumerated() {
                buffer.write(line, x: 2, y: layout.table.y + 1 + row, maxWidth: layout.table.width - 4,
                             role: row == 0 ? .fieldLabel : .textMuted, theme: theme)
            }
            return
        }
        var state = table
        let columns = self.columns
        state.sortColumn = min(sortColumn, columns.count - 1)
        state.sortDescending = descending
        let tableRect = Rect(x: layout.table.x, y: layout.table.y, width: layout.table.width, height: tableBottom - layout.table.y)
        TableWidget.render(&state, columns: columns, checkboxes: false, in: tableRect, theme: theme, into: &buffer) { range in
            range.map { index in TableRow(id: index, cells: cells(report.rows[order[index]]).map(TerminalSafeText.sanitize), dimmed: false) }
        }
        if order.isEmpty {
            let why = filtered ? "No row matches the filter: Esc clears it." : "No impressions in this range: r changes it, [ and ] move it."
            buffer.write(why, x: 2, y: layout.table.y + 2, maxWidth: layout.table.width - 4, role: .textMuted, theme: theme)
        }
    }
}
