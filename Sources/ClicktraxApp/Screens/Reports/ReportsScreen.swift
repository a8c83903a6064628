import ClicktraxCore
import TerminalUI
import TextTools

/// The Reports screen: clicks grouped (one dimension, optionally a second nested in it) over a
/// range of the newest days of clicks, as a sortable table, with the selected row's clicks per
/// day drawn as a bar chart under it — or (`i`) impressions, clicks and CTR from Network
/// Analytics (`ImpressionsReportView`), over the same range. The report is computed off the loop (`runReport`); every
/// key here works on what arrived, in memory — sorting, filtering and moving are a frame each.
public struct ReportsScreen: AppScreen {
    static let kind = ScreenKind.reports

    public static let groupings: [ClickDimension] = ClickDimension.allCases
    public static let thenBy: [ClickDimension?] = [nil] + ClickDimension.allCases
    /// The ranges `r` steps through, in hours.
    public static let ranges: [(label: String, hours: Int64)] = [
        ("30 days", 720), ("14 days", 336), ("7 days", 168), ("24 hours", 24),
    ]

    /// What the screen reports: the Clicktrackers Feed's clicks, or Network Analytics' impressions.
    public enum Measure: Sendable, Equatable { case clicks, impressions }
    public private(set) var measure = Measure.clicks
    private(set) var impressions = ImpressionsReportView()

    public private(set) var grouping = ClickDimension.tracker
    public private(set) var then: ClickDimension?
    public private(set) var rangeIndex = 0
    /// How many range lengths before the newest day the range ends (`[` and `]`).
    public private(set) var shift: Int64 = 0
    public private(set) var table = TableState<Int>()
    public private(set) var sortColumn = 0
    public private(set) var descending = false
    public private(set) var filter = TextFieldState(placeholder: "id, name or domain")
    public private(set) var filterFocused = false
    public private(set) var report: ClickReport?
    public private(set) var orders: ReportOrders?
    /// Row indexes into `report.rows`, filtered and sorted.
    public private(set) var order: [Int] = []
    private var asked: ClickReportQuery?
    /// The clicks and media cost of the rows shown (the filter's), worked out as they are arranged.
    private(set) var shownTotals: (clicks: Int, cost: Int64) = (0, 0)
    private var stale = true

    public init() {}

    var dimensions: [ClickDimension] {
        if let then, then != grouping { return [grouping, then] }
        return [grouping]
    }

    /// The query for the current choices; the range ends at the newest click's day (known once a
    /// first report arrived), moved back by `shift` lengths.
    var query: ClickReportQuery {
        var query = ClickReportQuery(dimensions: dimensions)
        let hours = Self.ranges[rangeIndex].hours
        if let newest = report?.newestClick {
            let end = (hours < 24 ? ClickTime.startOfHour(newest) + ClickTime.hour : ClickTime.startOfDay(newest) + ClickTime.day)
                - shift * hours * ClickTime.hour
            query.to = end
            query.from = end - hours * ClickTime.hour
        } else {
            query.from = nil
            query.to = nil
        }
        query.dailySeries = true
        return query
    }

    mutating func needs(layout: AppLayout) -> [AppCommand] {
        if measure == .impressions { return impressions.needs(hours: Self.ranges[rangeIndex].hours, shift: shift) }
        guard stale else { return [] }
        stale = false
        let query = self.query
        asked = query
        return [.reports(.runReport(query))]
    }

    mutating func reload() {
        stale = true
        impressions.reload()
    }

    /// A report was asked for and has not arrived.
    public var isWaiting: Bool { measure == .impressions ? impressions.isWaiting : stale || asked != nil }

    mutating func receive(_ query: ImpressionReportQuery, _ report: ImpressionReport) {
        impressions.receive(query, report, filter: filter.text)
    }

    mutating func receive(_ query: ClickReportQuery, _ report: ClickReport, _ orders: ReportOrders) {
        let first = self.report == nil
        guard query == asked || first else { return }
        if query == asked { asked = nil }
        self.report = report
        self.orders = orders
        if first && (query.from == nil) && report.newestClick != nil && rangeIndex != 0 { stale = true }
        arrange()
    }

    /// The rows in the table's order: the filter applied, then the sort — both from `orders`,
    /// made with the report off the loop, so a key costs a pass over the indexes.
    mutating func arrange() {
        guard let report, let orders else { order = []; table.rowCount = 0; return }
        let column = min(sortColumn, orders.ascending.count - 1)
        var rows = column >= 0 ? orders.ascending[column].map(Int.init) : Array(report.rows.indices)
        if descending { rows.reverse() }
        let needle = TextFolding.fold(filter.text.trimmingCharacters(in: .whitespaces))
        if !needle.isEmpty {
            let words = needle.split(separator: " ").map { Array($0.utf8) }
            if !orders.searchBytes.isEmpty {
                let matching = orders.matching(words)
                rows = rows.filter { matching[$0] }
            } else {
                rows = []
            }
        }
        order = rows
        table.rowCount = rows.count
        // The totals follow the filter: summed here, once per change, not per frame.
        if rows.count == report.rows.count {
            shownTotals = (report.clicks, report.cost)
        } else {
            shownTotals = rows.reduce((clicks: 0, cost: Int64(0))) { ($0.clicks + report.rows[$1].clicks, ClickCost.sum($0.cost, report.rows[$1].cost)) }
        }
    }

    public var currentRow: ClickReportRow? {
        guard let report, order.indices.contains(table.cursor) else { return nil }
        return report.rows[order[table.cursor]]
    }

    // MARK: Columns

    enum Metric { case clicks, cost, first, last, status }

    struct Column {
        var table: TableColumn
        var keyIndex: Int?
        var byName = false
        var metric: Metric?
    }

    var columns: [Column] { Self.columns(for: dimensions) }

    static func columns(for dimensions: [ClickDimension]) -> [Column] {
        var columns: [Column] = []
        for (index, dimension) in dimensions.enumerated() {
            switch dimension {
            case .day: columns.append(Column(table: TableColumn("Day", minWidth: 10, priority: 90), keyIndex: index))
            case .hour: columns.append(Column(table: TableColumn("Hour", minWidth: 16, priority: 90), keyIndex: index))
            case .siteDomain:
                columns.append(Column(table: TableColumn("Site domain", minWidth: 16, flex: 2, priority: 90), keyIndex: index))
            default:
                columns.append(Column(table: TableColumn(dimension.title, minWidth: 9, priority: 85, alignRight: true), keyIndex: index))
                columns.append(Column(table: TableColumn("Name", minWidth: 16, flex: 3, priority: 80), keyIndex: index, byName: true))
            }
        }
        columns.append(Column(table: TableColumn("Clicks", minWidth: 9, priority: 95, alignRight: true), metric: .clicks))
        columns.append(Column(table: TableColumn("Media cost", minWidth: 11, priority: 70, alignRight: true), metric: .cost))
        columns.append(Column(table: TableColumn("First click", minWidth: 19, priority: 30), metric: .first))
        columns.append(Column(table: TableColumn("Last click", minWidth: 19, priority: 40), metric: .last))
        if dimensions.contains(.tracker) {
            columns.append(Column(table: TableColumn("Status", minWidth: 7, priority: 60), metric: .status))
        }
        return columns
    }

    func cells(_ row: ClickReportRow) -> [String] {
        var cells: [String] = []
        for (dimension, key) in zip(dimensions, row.keys) {
            switch key {
            case .object(let id, let name):
                cells.append(id == 0 ? "none" : String(id))
                cells.append(id == 0 ? "" : name ?? "(not in this database)")
            case .domain(let domain): cells.append(domain.isEmpty ? "(none)" : domain)
            case .time(let time): cells.append(dimension == .day ? ClickTime.formatDay(time) : ClickTime.formatHour(time))
            }
        }
        cells += [row.clicks.grouped, ClickCost.format(row.cost, decimals: Self.costDecimals), ClickTime.format(row.first), ClickTime.format(row.last)]
        if dimensions.contains(.tracker) { cells.append(row.stopped ? "stopped" : "") }
        return cells
    }

    // MARK: Keys

    mutating func handle(_ event: InputEvent, layout appLayout: AppLayout) -> [AppIntent] {
        switch event {
        case .key(let press):
            if filterFocused { return handleFilter(press) }
            guard let action = Binding.action(for: press, in: ReportsAction.bindings) else { return [] }
            return perform(action)
        case .paste(let text):
            if filterFocused {
                filter.insert(text)
                arrange()
            }
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelUp: measure == .impressions ? impressions.scroll(by: -3) : table.scroll(by: -3)
            case .wheelDown: measure == .impressions ? impressions.scroll(by: 3) : table.scroll(by: 3)
            case .press, .click:
                let layout = ReportsLayout(body: appLayout.body)
                if measure == .impressions {
                    let row = impressions.tableOffset + mouse.y - layout.table.y - 1
                    if mouse.y > layout.table.y, mouse.y < layout.body.maxY - 1, row < impressions.rowCount { impressions.setCursor(row) }
                    break
                }
                let row = table.offset + mouse.y - layout.table.y - 1
                if mouse.y > layout.table.y, mouse.y < layout.table.maxY, row < table.rowCount { table.setCursor(row) }
            default: break
            }
        default:
            break
        }
        return []
    }

    mutating func handleFilter(_ press: KeyPress) -> [AppIntent] {
        if let action = Binding.action(for: press, in: FilterAction.bindings) {
            if action == .clear { filter.text = "" }
            filterFocused = false
        } else {
            _ = filter.handle(press)
        }
        arrange()
        impressions.arrange(filter: filter.text)
        return []
    }

    mutating func perform(_ action: ReportsAction) -> [AppIntent] {
        if measure == .impressions {
            switch action {
            case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .nextGrouping, .nextThenBy, .nextSortColumn, .reverseSort, .showTracker:
                return impressions.perform(action, filter: filter.text)
            default: break
            }
        }
        if let move = action.tableMove {
            table.move(move)
            return []
        }
        switch action {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom: break
        case .nextGrouping:
            let index = Self.groupings.firstIndex(of: grouping) ?? 0
            grouping = Self.groupings[(index + 1) % Self.groupings.count]
            if then == grouping { then = nil }
            regroup()
        case .nextThenBy:
            var index = Self.thenBy.firstIndex(of: then) ?? 0
            repeat { index = (index + 1) % Self.thenBy.count } while Self.thenBy[index] == grouping
            then = Self.thenBy[index]
            regroup()
        case .nextRange:
            rangeIndex = (rangeIndex + 1) % Self.ranges.count
            shift = 0
            reload()
        case .earlier:
            shift += 1
            reload()
        case .later:
            guard shift > 0 else { return [.show(Toast("The range already ends with the newest \(measure == .clicks ? "clicks" : "impressions")"))] }
            shift -= 1
            reload()
        case .nextSortColumn:
            sortColumn = (sortColumn + 1) % columns.count
            descending = columns[sortColumn].metric == .clicks || columns[sortColumn].metric == .cost
            arrange()
        case .reverseSort:
            descending.toggle()
            arrange()
        case .focusFilter: filterFocused = true
        case .clearFilter:
            filter.text = ""
            arrange()
            impressions.arrange(filter: filter.text)
        case .toggleMeasure:
            measure = measure == .clicks ? .impressions : .clicks
            filter.placeholder = measure == .clicks ? "id, name or domain" : "id, name or day"
        case .showTracker:
            guard let row = currentRow, let position = dimensions.firstIndex(of: .tracker),
                  case .object(let id, _) = row.keys[position] else {
                return [.show(Toast("Enter shows a tracker: group by tracker (b)"))]
            }
            return [.trackers(.showTracker(id))]
        case .quit: return [.quit]
        }
        return []
    }

    /// A new grouping: by day or hour, in time order; else by clicks, most first; from the top.
    private mutating func regroup() {
        if dimensions.first?.isTime == true {
            sortColumn = 0
            descending = false
        } else {
            sortColumn = columns.firstIndex { $0.metric == .clicks } ?? 0
            descending = true
        }
        table.moveToTop()
        stale = true
    }

    var footerHints: [(key: String, label: String)] { Binding.footerHints(ReportsAction.bindings) }

    var takesText: Bool { filterFocused }

    // MARK: Drawing

    func render(into buffer: inout ScreenBuffer, layout appLayout: AppLayout, theme: Theme) {
        let layout = ReportsLayout(body: appLayout.body)
        buffer.fill(appLayout.body, role: .screen, theme: theme)
        buffer.fill(layout.toolbar, role: .toolbar, theme: theme)
        var x = layout.toolbar.x + 1
        func item(_ label: String, _ value: String) {
            x += buffer.write(label + " ", x: x, y: layout.toolbar.y, role: .fieldLabel, theme: theme)
            x += buffer.write(value, x: x, y: layout.toolbar.y, role: .toolbarButton, theme: theme) + 2
        }
        item("Showing", measure == .clicks ? "Clicks" : "Impressions")
        if measure == .impressions {
            item("Group by", impressions.dimensions.map(\.title).joined(separator: " › "))
            item("Range", impressions.rangeText(label: Self.ranges[rangeIndex].label, hours: Self.ranges[rangeIndex].hours, shift: shift))
        } else {
            item("Group by", dimensions.map(\.title).joined(separator: " › "))
            item("Range", rangeText)
        }
        // The filter at the right of the totals line, which gives way to it in a narrow terminal.
        let fieldWidth = min(24, max(8, layout.summary.width / 4))
        let fieldRect = Rect(x: layout.summary.maxX - fieldWidth - 1, y: layout.summary.y, width: fieldWidth, height: 1)
        buffer.write("Filter ", x: fieldRect.x - 7, y: fieldRect.y, role: .fieldLabel, theme: theme)
        var field = filter
        TextFieldWidget.render(&field, in: fieldRect, focused: filterFocused, theme: theme, into: &buffer)
        let cursor = buffer.cursor
        buffer.write(measure == .clicks ? summaryText : impressions.summaryText(), x: layout.summary.x + 1, y: layout.summary.y,
                     maxWidth: max(0, fieldRect.x - 9 - layout.summary.x), role: .toolbarCounts, theme: theme)
        if measure == .impressions {
            impressions.render(into: &buffer, layout: layout, filtered: !filter.text.isEmpty, theme: theme)
            buffer.cursor = filterFocused ? cursor : nil
            return
        }
        guard let report else {
            buffer.write("Reading the clicks…", x: 2, y: layout.table.y + 1, role: .textMuted, theme: theme)
            buffer.cursor = nil
            return
        }
        if report.newestClick == nil {
            let lines = [
                "No clicks in this database yet.",
                "",
                "From the command line: clicktrax clicks import FEED.csv… (Clicktrackers Feed files), or, connected to",
                "Invest, clicktrax invest pull-clicks --from YYYY-MM-DD. This screen shows them as soon as they are in.",
            ]
            for (row, line) in lines.enumerated() {
                buffer.write(line, x: 2, y: layout.table.y + 1 + row, maxWidth: layout.table.width - 4,
                             role: row == 0 ? .fieldLabel : .textMuted, theme: theme)
            }
            buffer.cursor = filterFocused ? cursor : nil
            return
        }
        var state = table
        let columns = self.columns
        state.sortColumn = min(sortColumn, columns.count - 1)
        state.sortDescending = descending
        TableWidget.render(&state, columns: columns.map(\.table), checkboxes: false, in: layout.table, theme: theme,
                           into: &buffer) { range in
            range.map { index in
                let row = report.rows[order[index]]
                return TableRow(id: index, cells: cells(row), dimmed: false)
            }
        }
        if order.isEmpty {
            let why = filter.text.isEmpty ? "No clicks in this range: r changes it, [ and ] move it." : "No row matches the filter: Esc clears it."
            buffer.write(why, x: 2, y: layout.table.y + 2, maxWidth: layout.table.width - 4, role: .textMuted, theme: theme)
        }
        if let chart = layout.chart { renderChart(report, in: chart, theme: theme, into: &buffer) }
        if let note = layout.chartNote {
            buffer.write("The clicks-per-day chart needs a taller terminal (\(ReportsLayout.chartNeeds + 2) rows or more).", x: note.x, y: note.y,
                         maxWidth: note.width, role: .textMuted, theme: theme)
        }
        buffer.cursor = filterFocused ? cursor : nil
    }

    var rangeText: String {
        let label = Self.ranges[rangeIndex].label
        guard let report, report.newestClick != nil else { return label }
        let end = report.to - (Self.ranges[rangeIndex].hours < 24 ? 0 : ClickTime.day)
        let span = Self.ranges[rangeIndex].hours < 24 ? "\(ClickTime.formatHour(report.from)) – \(ClickTime.formatHour(report.to))"
            : "\(ClickTime.formatDay(report.from)) – \(ClickTime.formatDay(end))"
        return "\(label): \(span)\(shift == 0 ? "" : " (earlier)")"
    }

    /// Media cost is shown with this many decimals everywhere on the screen: a click costs
    /// fractions of a cent, and a column of them lines up.
    static let costDecimals = 4

    /// The totals of the rows shown: with a filter typed, the filtered rows' (the table's own sums).
    var summaryText: String {
        guard let report, report.newestClick != nil else { return "" }
        let stopped = orders?.stopped ?? 0
        let filtered = order.count != report.rows.count
        return "\(order.count.grouped) of \(report.rows.count.grouped) rows · \(shownTotals.clicks.grouped) clicks · media cost "
            + ClickCost.format(shownTotals.cost, decimals: Self.costDecimals) + (filtered ? " (the rows shown)" : "")
            + (stopped > 0 ? " · \(stopped.grouped) stopped" : "")
    }

    func renderChart(_ report: ClickReport, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        if dimensions.count == 1 && grouping.isTime {
            // Each row is a day or an hour: the chart is the rows themselves, in time order.
            let timeline = report.rows
            let values = timeline.clicks
            let labels: [String] = timeline.keys[0].values.map { time in
                grouping == .day ? String(ClickTime.formatDay(time).dropFirst(5)) : String(ClickTime.formatHour(time).dropFirst(5))
            }
            // The rows are the timeline, in time order: the selected row is its place in it.
            let selected = order.indices.contains(table.cursor) ? order[table.cursor] : nil
            BarChartWidget.render(title: "Clicks per \(grouping == .day ? "day" : "hour")", values: values, labels: labels,
                              highlight: selected, in: rect, theme: theme, into: &buffer)
            return
        }
        guard let row = currentRow, !row.daily.isEmpty else {
            buffer.write(dimensions.contains(where: \.isTime) ? "Clicks per day: group by a dimension alone to see its days" : "",
                         x: rect.x, y: rect.y, maxWidth: rect.width, role: .textMuted, theme: theme)
            return
        }
        let name: String = zip(dimensions, row.keys).map { dimension, key in
            switch key {
            case .object(let id, let name): "\(dimension.title) \(id)\(name.map { " \($0)" } ?? "")"
            case .domain(let domain): domain
            case .time(let time): ClickTime.formatHour(time)
            }
        }.joined(separator: " › ")
        let labels = report.days.map { String(ClickTime.formatDay($0).dropFirst(5)) }
        BarChartWidget.render(title: "Clicks per day · " + TerminalSafeText.sanitize(name), values: row.daily.map(Int.init), labels: labels,
                          highlight: nil, in: rect, theme: theme, into: &buffer)
    }
}

/// The Reports screen's parts: a toolbar (choices, filter), a line of totals, the table, and the
/// chart under it when the terminal is tall enough for both.
struct ReportsLayout {
    let body: Rect

    var toolbar: Rect { body.row(0) }
    var summary: Rect { body.row(1) }
    var chartHeight: Int { body.height >= Self.chartNeeds ? min(12, body.height / 3) : 0 }
    /// The body height the chart needs beside a table of readable rows (a 26-row terminal).
    static let chartNeeds = 24
    var table: Rect { Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2 - chartHeight - 1) }
    /// Where the chart would be says why it is not, when the terminal is too short for it.
    var chartNote: Rect? { chartHeight == 0 ? Rect(x: body.x + 1, y: body.maxY - 1, width: body.width - 2, height: 1) : nil }
    var chart: Rect? {
        chartHeight == 0 ? nil : Rect(x: body.x + 1, y: body.maxY - chartHeight - 1, width: body.width - 2, height: chartHeight)
    }
}
