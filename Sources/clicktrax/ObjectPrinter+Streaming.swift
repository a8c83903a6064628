import ClicktraxCore
import TerminalUI

/// A listing read from the database takes one object at a time (`SQLiteStore.forEach…`).
/// `count` is called first with how many follow; the listing may be asked for twice (a table
/// measures its columns, then writes).
typealias ObjectListing<T> = (_ count: (Int) throws -> Void, _ each: (T) throws -> Void) throws -> Void

extension ObjectPrinter {
    /// `print`, streamed: the same bytes in every format, written as the objects are read, so
    /// memory stays flat at any number of objects (issue 15: a million line items took 1.46 GB).
    static func stream<T: InvestObject & CSVRepresentable>(
        _ listing: ObjectListing<T>, format: OutputFormat, columns: [PlainTextTable.Column], row: @escaping (T) -> [String]
    ) throws {
        let output = StandardOutputBuffer()
        switch format {
        case .csv:
            try output.append(CSVWriter.line(T.csvHeader))
            try listing({ _ in }, { try output.append(CSVWriter.line($0.csvFields)) })
        case .json:
            var envelope: InvestEnvelopeStream<T>?
            try listing({ count in
                envelope = try InvestEnvelopeStream<T>(count: count)
                try output.append(envelope!.start)
            }, { object in
                try output.append { try envelope!.append(object, to: &$0) }
            })
            if var envelope { try output.append(try envelope.end()) }
        case .table:
            let table = PlainTextTable(columns: columns)
            var widths = PlainTextTable.Widths(columns)
            try listing({ _ in }, { widths.measure(row($0)) })
            let layout = table.layout(widths, totalWidth: terminalColumns())
            try output.append(table.header(layout))
            try listing({ _ in }, { try output.append(table.line(for: row($0), layout)) })
        }
        try output.flush()
    }
}
