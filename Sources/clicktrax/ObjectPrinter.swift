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
            write(String(decoding: try InvestEnvelope.encode(objects, count: count), as: UTF8.self) + "\n")
        case .csv:
            write(CSVWriter.document(objects))
        case .table:
            var table = PlainTextTable(columns: columns)
            objects.forEach { table.append(row($0)) }
            write(table.render())
        }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("clicktrax: \(text)\n".utf8))
    }

    // MARK: Column sets

    static let trackerColumns: [PlainTextTable.Column] = [
        .init("ID", alignRight: true), .init("Name", maxWidth: 44), .init("Code", maxWidth: 16), .init("State"),
        .init("Line Item", maxWidth: 36), .init("Publisher", maxWidth: 24), .init("Placement", maxWidth: 24),
        .init("Payment Rule", maxWidth: 20), .init("Landing Page", maxWidth: 36), .init("Last Modified"),
    ]

    static func trackerRow(_ t: ClickTracker) -> [String] {
        [String(t.id), t.name, t.code ?? "", t.state.rawValue, t.lineItem.name, t.publisher.name,
         t.tag?.name ?? "", t.paymentRule?.name ?? "", t.clickUrl ?? "", t.lastModified]
    }

    static let lineItemColumns: [PlainTextTable.Column] = [
        .init("ID", alignRight: true), .init("Name", maxWidth: 70), .init("Code", maxWidth: 28),
        .init("Advertiser", alignRight: true), .init("State"),
    ]

    static func lineItemRow(_ item: LineItem) -> [String] {
        [String(item.id), item.name, item.code ?? "", item.advertiserId.map(String.init) ?? "", item.state.rawValue]
    }

    static let namedColumns: [PlainTextTable.Column] = [
        .init("ID", alignRight: true), .init("Name", maxWidth: 50), .init("Code", maxWidth: 20), .init("State"),
    ]
}
