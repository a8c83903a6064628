import ClicktraxCore
import Foundation
import TerminalUI

/// Prints a list of objects in the chosen format to stdout.
enum ObjectPrinter {
    static func print<T: InvestObject & CSVRepresentable>(
        _ objects: [T], format: OutputFormat, count: Int? = nil, columns: [PlainTextTable.Column], row: (T) -> [String]
    ) throws {
        switch format {
        case .json:
            try write(String(decoding: try InvestEnvelope.encode(objects, count: count), as: UTF8.self) + "\n")
        case .csv:
            try write(CSVWriter.document(objects))
        case .table:
            var table = PlainTextTable(columns: columns)
            objects.forEach { table.append(row($0)) }
            try write(table.render(totalWidth: terminalColumns()))
        }
    }

    /// The width of the terminal stdout is, or nil when it is a pipe or file: a program
    /// reading the output gets whole values.
    static func terminalColumns() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Stdout, whole, or `OutputFailure` (closed, a full disk, a reader gone): never a trap.
    static func write(_ text: String) throws {
        if let code = AtomicFile.writeAll(Data(text.utf8), to: STDOUT_FILENO) { throw OutputFailure(code: code) }
    }

    static func line(_ text: String) throws { try write(text + "\n") }

    /// A line for people that may carry text from outside (Invest's names, a server's message):
    /// made terminal-safe as stderr's lines are (`TerminalSafe`), so an escape sequence in a
    /// member's name is shown, never run.
    static func say(_ text: String) throws { try write(TerminalSafe.message(text, lineLimit: 2_000, maxLines: 200) + "\n") }

    static func note(_ text: String) {
        StandardError.message(text)
    }

    // MARK: Column sets

    /// In a narrow terminal the text columns shrink first, then the least needed columns go.
    static let trackerColumns: [PlainTextTable.Column] = [
        .init("ID", alignRight: true), .init("Name", maxWidth: 44, minWidth: 24),
        .init("Code", maxWidth: 16, minWidth: 8, dropPriority: 3), .init("State"),
        .init("Line Item", maxWidth: 36, minWidth: 20, dropPriority: 6),
        .init("Publisher", maxWidth: 24, minWidth: 14, dropPriority: 5),
        .init("Placement", maxWidth: 24, minWidth: 14, dropPriority: 2),
        .init("Payment Rule", maxWidth: 20, minWidth: 12, dropPriority: 1),
        .init("Landing Page", maxWidth: 36, minWidth: 16, dropPriority: 4),
        .init("Last Modified", dropPriority: 0),
    ]

    /// An impression tracker's columns: the same, without the landing page.
    static func trackerColumns(_ kind: TrackerKind) -> [PlainTextTable.Column] {
        kind == .click ? trackerColumns : trackerColumns.filter { $0.title != "Landing Page" }
    }

    static func trackerRow(_ t: Tracker, kind: TrackerKind = .click) -> [String] {
        [String(t.id), t.name, t.code ?? "", t.state.rawValue, t.lineItem.name, t.publisher.name,
         t.tag?.name ?? "", t.paymentRule?.name ?? ""] + (kind == .click ? [t.clickUrl ?? ""] : []) + [t.lastModified]
    }

    static let lineItemColumns: [PlainTextTable.Column] = [
        .init("ID", alignRight: true), .init("Name", maxWidth: 70, minWidth: 24),
        .init("Code", maxWidth: 28, minWidth: 10, dropPriority: 1), .init("Advertiser", dropPriority: 0, alignRight: true),
        .init("State"),
    ]

    static func lineItemRow(_ item: LineItem) -> [String] {
        [String(item.id), item.name, item.code ?? "", item.advertiserId.map(String.init) ?? "", item.state.rawValue]
    }

    static let namedColumns: [PlainTextTable.Column] = [
        .init("ID", alignRight: true), .init("Name", maxWidth: 50, minWidth: 20),
        .init("Code", maxWidth: 20, minWidth: 8, dropPriority: 0), .init("State"),
    ]
}
