import Foundation

/// A Network Analytics report downloaded as CSV (the columns `InvestImpressionPull` asks for, in
/// whatever order the header gives them): each row an hour, line item, publisher, placement and
/// impression type with its external impressions and clicks. A row of another impression type
/// is not counted, nor one dated outside the window asked for (counted); a value that is not
/// what its column holds names the line and the column.
enum NetworkAnalyticsCSV {
    /// The rows kept, and how many were dated outside the window asked for (not kept).
    struct Reading: Equatable {
        var hours: [ImpressionHour] = []
        var outsideWindow = 0
    }

    /// The columns requested, in order.
    static let columns = ["hour", "line_item_id", "publisher_id", "placement_id", "imp_type_id", "external_impression", "external_click"]

    /// Network Analytics' impression types of trackers: 9 External Impression, 10 External Click.
    static let externalImpression: Int64 = 9
    static let externalClick: Int64 = 10

    static func read(_ path: String, report: String, window: Range<Int64>) throws -> Reading {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ClicktraxError.operational("\(report): the downloaded file cannot be read")
        }
        defer { try? handle.close() }
        var reader = CSVReader(handle: handle)
        return try read(&reader, report: report, window: window)
    }

    static func read(_ reader: inout CSVReader, report: String, window: Range<Int64>) throws -> Reading {
        func fail(_ line: Int, _ message: String) -> ClicktraxError {
            .badInput("\(report): line \(line): \(message); nothing of that window was stored")
        }
        func next(_ reader: inout CSVReader) throws -> (fields: [String], line: Int)? {
            do { return try reader.next() } catch let failure as CSVReader.Failure {
                throw ClicktraxError.badInput("\(report): not a CSV file Clicktrax can read (\(failure))")
            }
        }
        guard let header = try next(&reader) else { return Reading() }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var position: [String: Int] = [:]
        for column in columns {
            guard let index = names.firstIndex(of: column) else {
                throw fail(header.line, "the header has no column “\(column)” (it has \(TerminalSafe.clip(names.joined(separator: ","), 200)))")
            }
            position[column] = index
        }
        var reading = Reading()
        while let (fields, line) = try next(&reader) {
            if fields.count == 1 && fields[0].isEmpty { continue }
            func value(_ column: String) -> String {
                let index = position[column]!
                return index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            }
            func number(_ column: String) throws -> Int64 {
                let text = value(column)
                if text.isEmpty { return 0 }
                // A whole number, or one written with a decimal point and nothing after it but zeros.
                let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 1 || parts[1].allSatisfy({ $0 == "0" }), let number = Int64(parts[0]), number >= 0 else {
                    throw fail(line, "\(column): “\(TerminalSafe.clip(text, 40))” is not a whole number")
                }
                return number
            }
            guard let time = ClickTime.parse(value("hour")) else {
                throw fail(line, "hour: “\(TerminalSafe.clip(value("hour"), 40))” is not YYYY-MM-DD HH:MM[:SS]")
            }
            let type = try number("imp_type_id")
            guard type == externalImpression || type == externalClick else { continue }
            guard window.contains(time) else {
                reading.outsideWindow += 1
                continue
            }
            reading.hours.append(ImpressionHour(hour: ClickTime.startOfHour(time), lineItemId: try number("line_item_id"),
                                                publisherId: try number("publisher_id"), placementId: try number("placement_id"),
                                                impressions: try number("external_impression"), clicks: try number("external_click")))
        }
        return reading
    }
}
