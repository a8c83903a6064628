import ClicktraxCore
import TerminalUI
import TextTools

/// The chooser behind each Edit button: search as you type (by name, ID or code), results read
/// from the store — never the whole catalog — and "none" first for the optional ones. It opens
/// on the current choice, with the last search typed for this field.
public struct PickerDialog: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, Hashable {
        case lineItem
        case publisher
        case placement(publisherId: Int64)
        case paymentRule(publisherId: Int64)

        var title: String {
            switch self {
            case .lineItem: "Choose a Line Item"
            case .publisher: "Choose a Publisher"
            case .placement: "Choose a Placement"
            case .paymentRule: "Choose a Payment Rule"
            }
        }

        var isOptional: Bool {
            switch self {
            case .placement, .paymentRule: true
            case .lineItem, .publisher: false
            }
        }

        var noun: String {
            switch self {
            case .lineItem: "line item"
            case .publisher: "publisher"
            case .placement: "placement"
            case .paymentRule: "payment rule"
            }
        }
    }

    /// One result: what a row shows, and what choosing it sets (nil for "none").
    public struct Choice: Sendable, Equatable {
        public var id: Int64?
        public var name: String
        var cells: [String]
        var inactive: Bool

        public init(id: Int64?, name: String, cells: [String], inactive: Bool) {
            self.id = id
            self.name = name
            self.cells = cells
            self.inactive = inactive
        }

        static let none = Choice(id: nil, name: "none", cells: ["", "— none —", "", ""], inactive: false)
    }

    /// What a search found: the first `limit` choices, and how many matched in all (nil: more
    /// than were read, how many not counted).
    public struct Results: Sendable, Equatable {
        public var choices: [Choice]
        public var total: MatchCount?
        /// No name holds every word: the results hold the letters in order instead.
        public var fuzzy: Bool
        public var error: String?
        /// For a line item search: every advertiser, by name, to filter by.
        public var advertisers: [ObjectRef] = []

        public init(choices: [Choice], total: MatchCount?, fuzzy: Bool = false, error: String? = nil) {
            self.choices = choices
            self.total = total
            self.fuzzy = fuzzy
            self.error = error
        }
    }

    public let kind: Kind
    public private(set) var search: TextFieldState
    public private(set) var results = Results(choices: [], total: MatchCount(0, exact: true))
    public private(set) var table = TableState<Int>()
    /// The current value, selected when the results come.
    let current: Int64?
    /// A line item picker's advertiser filter (nil: every advertiser).
    public private(set) var advertiser: ObjectRef?
    private var loadedTerm: String?
    private var askedTerm: String?
    private var loadedAdvertiser: Int64?
    private var askedAdvertiser: Int64?
    static let limit = 200

    public init(kind: Kind, query: String = "", current: Int64? = nil) {
        self.kind = kind
        self.current = current
        search = TextFieldState(query, placeholder: "name, ID or code")
    }

    var term: String { search.text.trimmingCharacters(in: .whitespaces) }

    /// The choices shown: "none" first for an optional field with nothing typed.
    var rows: [Choice] { kind.isOptional && loadedTerm == "" ? [.none] + results.choices : results.choices }

    var columns: [TableColumn] {
        let id = TableColumn("ID", minWidth: 8, alignRight: true)
        let name = TableColumn("Name", minWidth: 24, flex: 3, priority: 90)
        let state = TableColumn("State", minWidth: 10, priority: 60)
        switch kind {
        case .lineItem:
            return [id, name, TableColumn("Code", minWidth: 12, flex: 1, priority: 40), TableColumn("Advertiser", minWidth: 14, flex: 1, priority: 30), state]
        case .publisher:
            return [id, name, TableColumn("Code", minWidth: 10, priority: 40), state]
        case .placement:
            return [id, name, TableColumn("Size", minWidth: 8, priority: 40), state]
        case .paymentRule:
            return [id, name, TableColumn("Pricing", minWidth: 9, priority: 40), state]
        }
    }

    var isLoaded: Bool { loadedTerm == term && loadedAdvertiser == advertiser?.id }

    /// The search to run, if the term (or the advertiser) changed since the last one.
    mutating func needs() -> [TrackersCommand] {
        guard !isLoaded, askedTerm != term || askedAdvertiser != advertiser?.id else { return [] }
        askedTerm = term
        askedAdvertiser = advertiser?.id
        return [.searchPicker(kind, term: term, advertiser: advertiser?.id)]
    }

    /// A search's results; stale ones (the term changed meanwhile) are dropped.
    mutating func receive(term: String, advertiser: Int64?, _ found: Results) {
        guard term == askedTerm, advertiser == askedAdvertiser else { return }
        let firstResults = loadedTerm == nil
        loadedTerm = term
        loadedAdvertiser = advertiser
        askedTerm = nil
        askedAdvertiser = nil
        results = found
        table.rowCount = rows.count
        if firstResults, let current, let row = rows.firstIndex(where: { $0.id == current }) {
            table.setCursor(row)
        } else {
            table.setCursor(0)
        }
    }

    public enum Action: Sendable, Equatable { case choose, back, up, down, pageUp, pageDown, nextAdvertiser, previousAdvertiser }

    public static let bindings: [Binding<Action>] = [
        Binding([KeyPress(.tab)], .nextAdvertiser, "Line items: only the next advertiser's (after the last, every advertiser's)",
                footer: "advertiser"),
        Binding([KeyPress(.backTab)], .previousAdvertiser, "Line items: only the previous advertiser's"),
        Binding([KeyPress(.enter)], .choose, "Choose", footer: "picks"),
        Binding([KeyPress(.escape)], .back, "Back without choosing", footer: "goes back"),
        Binding([KeyPress(.up)], .up, "Move up"),
        Binding([KeyPress(.down)], .down, "Move down"),
        Binding([KeyPress(.pageUp)], .pageUp, "Page up"),
        Binding([KeyPress(.pageDown)], .pageDown, "Page down"),
    ]

    public mutating func handle(_ event: InputEvent, screen: Rect) -> ModalStep {
        switch event {
        case .key(let press):
            switch Binding.action(for: press, in: Self.bindings) {
            case .back: return .close
            case .choose: return chooseCurrent()
            case .up: table.moveCursor(by: -1)
            case .down: table.moveCursor(by: 1)
            case .pageUp: table.pageUp()
            case .pageDown: table.pageDown()
            case .nextAdvertiser: cycleAdvertiser(1)
            case .previousAdvertiser: cycleAdvertiser(-1)
            case nil: _ = search.handle(press)
            }
        case .paste(let text):
            search.insert(text)
        case .mouse(let mouse):
            let frame = frame(in: screen)
            let body = tableRect(in: frame)
            switch mouse.kind {
            case .wheelUp: table.scroll(by: -3)
            case .wheelDown: table.scroll(by: 3)
            case .press, .click:
                let row = table.offset + mouse.y - body.y - 1
                if body.contains(x: mouse.x, y: mouse.y), mouse.y > body.y, rows.indices.contains(row) {
                    if row == table.cursor { return chooseCurrent() }
                    table.setCursor(row)
                } else if !frame.contains(x: mouse.x, y: mouse.y) {
                    return .close
                }
            default: break
            }
        case .resize:
            break
        }
        return .stay
    }

    /// Tab / Shift-Tab: every advertiser's line items, then each advertiser's alone, by name.
    mutating func cycleAdvertiser(_ delta: Int) {
        guard kind == .lineItem else { return }
        let choices: [ObjectRef?] = [nil] + results.advertisers.map { $0 }
        let index = choices.firstIndex { $0?.id == advertiser?.id } ?? 0
        advertiser = choices[(index + delta + choices.count) % choices.count]
    }

    private func chooseCurrent() -> ModalStep {
        guard rows.indices.contains(table.cursor), isLoaded else { return .stay }
        return .closeAndEmit(.trackers(.picked(kind, rows[table.cursor], query: term)))
    }

    func frame(in screen: Rect) -> Rect { screen.centered(width: min(screen.width - 2, 120), height: screen.height - 2) }
    func tableRect(in frame: Rect) -> Rect { Rect(x: frame.x + 2, y: frame.y + 3, width: frame.width - 4, height: frame.height - 5) }

    var status: String {
        if let error = results.error { return error }
        if !isLoaded { return "Searching…" }
        if results.choices.isEmpty { return "Nothing matches “\(DisplayWidth.truncate(search.text, to: 40))”." }
        let shown = results.choices.count
        let count = switch results.total {
        case let total? where total.exact && total.value > shown: "\(shown) of \(total.value.grouped) found (type more to narrow)"
        case let total? where total.exact: "\(total.value.grouped) found"
        case let total? where total.value > shown: "\(shown) of at least \(total.value.grouped) found (type more to narrow)"
        default: "the first \(shown) found (type more to narrow)"
        }
        let how = (results.fuzzy ? "No name holds every word; closest by letters in order: " : "")
            + (advertiser.map { "\($0.name)'s: " } ?? "")
        return "\(how)\(count)"
    }

    /// The status, then as many whole key hints as fit beside it.
    func statusLine(width: Int) -> String {
        let text = status
        guard results.error == nil, isLoaded, !results.choices.isEmpty else { return text }
        let hints = FormRenderer.whole(Binding.hintLine(Self.bindings), width: width - DisplayWidth.of(text) - 3)
        return hints.isEmpty ? text : text + " · " + hints
    }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let inner = DialogFrame.render(title: kind.title, in: frame, theme: theme, into: &buffer)
        buffer.write("Search ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        var field = search
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 7, y: inner.y, width: inner.width - 7, height: 1), focused: true,
                               theme: theme, into: &buffer)
        let cursor = buffer.cursor
        if kind == .lineItem {
            let x = inner.x + buffer.write("Advertiser ", x: inner.x, y: inner.y + 1, role: .fieldLabel, theme: theme)
            buffer.write((advertiser?.name ?? "every advertiser") + "  (Tab: next, Shift-Tab: previous)", x: x, y: inner.y + 1,
                         maxWidth: inner.maxX - x, role: advertiser == nil ? .textMuted : .dialog, theme: theme)
        }
        var state = table
        let rows = rows
        TableWidget.render(&state, columns: columns, checkboxes: false, in: tableRect(in: frame), theme: theme, into: &buffer) { range in
            range.map { TableRow(id: $0, cells: rows[$0].cells, dimmed: rows[$0].inactive) }
        }
        // The status wrapped whole upward from the last row (an error names the database's problem in full).
        let lines = TextWrap.words(statusLine(width: inner.width), width: inner.width)
        for (row, line) in lines.enumerated() {
            buffer.write(line, x: inner.x, y: inner.maxY - lines.count + row, maxWidth: inner.width,
                         role: results.error == nil ? .textMuted : .textError, theme: theme)
        }
        buffer.cursor = cursor
    }
}
