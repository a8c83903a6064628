import ClicktraxCore
import TerminalUI

/// The chooser behind each Edit button: search as you type (by name, ID or code), results read
/// from the store — never the whole catalog — and "none" first for the optional ones.
public struct PickerDialog: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
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
    }

    /// One result: what a row shows, and what choosing it sets (nil for "none").
    public struct Choice: Sendable, Equatable {
        public var id: Int64?
        public var name: String
        var cells: [String]
        var inactive: Bool
    }

    public let kind: Kind
    public private(set) var search = TextFieldState(placeholder: "name, ID or code")
    public private(set) var results: [Choice] = []
    public private(set) var table = TableState<Int>()
    public private(set) var error: String?
    /// No line item name holds every word: the results hold the letters in order instead.
    public private(set) var fuzzy = false
    private var loadedTerm: String?
    static let limit = 200

    public init(kind: Kind) { self.kind = kind }

    var columns: [TableColumn] {
        switch kind {
        case .lineItem:
            [TableColumn("ID", minWidth: 8, alignRight: true), TableColumn("Name", minWidth: 24, flex: 3, priority: 90),
             TableColumn("Code", minWidth: 12, flex: 1, priority: 40), TableColumn("Advertiser", minWidth: 10, priority: 30, alignRight: true),
             TableColumn("State", minWidth: 8, priority: 60)]
        case .publisher:
            [TableColumn("ID", minWidth: 8, alignRight: true), TableColumn("Name", minWidth: 24, flex: 3, priority: 90),
             TableColumn("Code", minWidth: 10, priority: 40), TableColumn("State", minWidth: 8, priority: 60)]
        case .placement:
            [TableColumn("ID", minWidth: 8, alignRight: true), TableColumn("Name", minWidth: 24, flex: 3, priority: 90),
             TableColumn("Size", minWidth: 8, priority: 40), TableColumn("State", minWidth: 8, priority: 60)]
        case .paymentRule:
            [TableColumn("ID", minWidth: 8, alignRight: true), TableColumn("Name", minWidth: 24, flex: 3, priority: 90),
             TableColumn("Pricing", minWidth: 9, priority: 40), TableColumn("State", minWidth: 8, priority: 60)]
        }
    }

    /// Reads the results for the current search, if it changed since the last read.
    public mutating func refresh(from store: any TrackerStore) {
        let term = search.text.trimmingCharacters(in: .whitespaces)
        guard term != loadedTerm else { return }
        loadedTerm = term
        do {
            var found: [Choice] = []
            fuzzy = false
            switch kind {
            case .lineItem:
                let matches = try store.findLineItems(term, limit: Self.limit)
                fuzzy = matches.fuzzy
                found = matches.items.map {
                    Choice(id: $0.id, name: $0.name, cells: [String($0.id), $0.name, $0.code ?? "", $0.advertiserId.map(String.init) ?? "",
                                                             $0.state == .active ? "active" : "● inactive"], inactive: $0.state != .active)
                }
            case .publisher:
                found = try store.publishers(matching: term).prefix(Self.limit).map {
                    Choice(id: $0.id, name: $0.name, cells: [String($0.id), $0.name, $0.code ?? "", $0.state == .active ? "active" : "● inactive"],
                           inactive: $0.state != .active)
                }
            case .placement(let publisherId):
                found = try store.placements(publisherId: publisherId).filter { Self.matches($0.id, $0.name, $0.code, term) }.map { placement in
                    var size = ""
                    if let width = placement.width, let height = placement.height { size = "\(width)x\(height)" }
                    return Choice(id: placement.id, name: placement.name,
                                  cells: [String(placement.id), placement.name, size, placement.state == .active ? "active" : "● inactive"],
                                  inactive: placement.state != .active)
                }
            case .paymentRule(let publisherId):
                found = try store.paymentRules(publisherId: publisherId).filter { Self.matches($0.id, $0.name, $0.code, term) }.map {
                    Choice(id: $0.id, name: $0.name, cells: [String($0.id), $0.name, $0.pricingType.rawValue, $0.state == .active ? "active" : "● inactive"],
                           inactive: $0.state != .active)
                }
            }
            if kind.isOptional && term.isEmpty {
                found.insert(Choice(id: nil, name: "none", cells: ["", "— none —", "", ""], inactive: false), at: 0)
            }
            results = found
            error = nil
        } catch {
            results = []
            self.error = "\(error)"
        }
        table.rowCount = results.count
        table.setCursor(0)
    }

    static func matches(_ id: Int64, _ name: String, _ code: String?, _ term: String) -> Bool {
        let words = TextFolding.words(of: term)
        if words.isEmpty || String(id) == term { return true }
        if let code, code.lowercased() == term.lowercased() { return true }
        let folded = TextFolding.fold(name)
        return words.allSatisfy { folded.contains($0) }
    }

    public mutating func handle(_ event: InputEvent, screen: Rect) -> DialogOutcome<Choice> {
        switch event {
        case .key(let press):
            switch press.key {
            case .escape: return .cancel
            case .enter:
                return results.indices.contains(table.cursor) ? .done(results[table.cursor]) : .stay
            case .up: table.moveCursor(by: -1)
            case .down: table.moveCursor(by: 1)
            case .pageUp: table.pageUp()
            case .pageDown: table.pageDown()
            default: _ = search.handle(press)
            }
        case .paste(let text):
            search.insert(text)
        case .mouse(let mouse):
            let body = tableRect(in: frame(in: screen))
            switch mouse.kind {
            case .wheelUp: table.scroll(by: -3)
            case .wheelDown: table.scroll(by: 3)
            case .press, .click:
                let row = table.offset + mouse.y - body.y - 1
                if body.contains(x: mouse.x, y: mouse.y), mouse.y > body.y, results.indices.contains(row) {
                    if row == table.cursor { return .done(results[row]) }
                    table.setCursor(row)
                } else if !frame(in: screen).contains(x: mouse.x, y: mouse.y) {
                    return .cancel
                }
            default: break
            }
        case .resize:
            break
        }
        return .stay
    }

    func frame(in screen: Rect) -> Rect { screen.centered(width: min(screen.width - 2, 110), height: screen.height - 2) }
    func tableRect(in frame: Rect) -> Rect { Rect(x: frame.x + 2, y: frame.y + 3, width: frame.width - 4, height: frame.height - 5) }

    public func render(into buffer: inout ScreenBuffer, theme: Theme) {
        let frame = frame(in: buffer.bounds)
        let inner = DialogFrame.render(title: kind.title, in: frame, theme: theme, into: &buffer)
        buffer.write("Search ", x: inner.x, y: inner.y, role: .fieldLabel, theme: theme)
        var field = search
        TextFieldWidget.render(&field, in: Rect(x: inner.x + 7, y: inner.y, width: inner.width - 7, height: 1), focused: true,
                               theme: theme, into: &buffer)
        let cursor = buffer.cursor
        var state = table
        let rows = results
        TableWidget.render(&state, columns: columns, checkboxes: false, in: tableRect(in: frame), theme: theme, into: &buffer) { range in
            range.map { TableRow(id: $0, cells: rows[$0].cells, dimmed: rows[$0].inactive) }
        }
        let status: String
        if let error { status = error } else if results.isEmpty {
            status = "Nothing matches “\(search.text)”."
        } else {
            let more = kind == .lineItem && results.count >= Self.limit ? " (the first \(Self.limit): type more to narrow)" : ""
            let how = fuzzy ? "No name holds every word; closest by letters in order: " : ""
            status = "\(how)\(results.count) found\(more) · ↑↓ choose · Enter picks · Esc goes back"
        }
        buffer.write(status, x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, role: error == nil ? .textMuted : .textError, theme: theme)
        buffer.cursor = cursor
    }
}
