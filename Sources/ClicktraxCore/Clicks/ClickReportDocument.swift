import Foundation

/// A report as columns of text (CSV, a table) and as the Invest-style JSON envelope. The column
/// names are the feed's (`tracker_id`, `tag_id` for a placement, `media_buy_cost` summed as
/// `media_cost`), with a `…_name` beside each id.
public struct ClickReportDocument {
    public let report: ClickReport

    public init(_ report: ClickReport) { self.report = report }

    public var showsStopped: Bool { report.query.dimensions.contains(.tracker) }

    public var header: [String] {
        var header: [String] = []
        for dimension in report.query.dimensions {
            switch dimension {
            case .tracker: header += ["tracker_id", "tracker_name"]
            case .lineItem: header += ["line_item_id", "line_item_name"]
            case .publisher: header += ["publisher_id", "publisher_name"]
            case .placement: header += ["tag_id", "tag_name"]
            case .siteDomain: header.append("site_domain")
            case .day: header.append("day")
            case .hour: header.append("hour")
            }
        }
        header += ["clicks", "media_cost", "first_click", "last_click"]
        if showsStopped { header.append("stopped") }
        return header
    }

    public func fields(_ row: ClickReportRow) -> [String] {
        var fields: [String] = []
        for (dimension, key) in zip(report.query.dimensions, row.keys) {
            switch key {
            case .object(let id, let name): fields += [id == 0 ? "" : String(id), name ?? ""]
            case .domain(let domain): fields.append(domain)
            case .time(let time): fields.append(dimension == .day ? ClickTime.formatDay(time) : ClickTime.formatHour(time))
            }
        }
        fields += [String(row.clicks), ClickCost.format(row.cost), ClickTime.format(row.first), ClickTime.format(row.last)]
        if showsStopped { fields.append(row.stopped ? "stopped" : "") }
        return fields
    }

    public var csv: String {
        var text = CSVWriter.line(header)
        for row in report.rows { text += CSVWriter.line(fields(row)) }
        return text
    }

    /// `{"response": {"status": "OK", "count": N, …, "report": {…, "rows": […]}}}` and a newline,
    /// as JSONSerialization pretty-prints it with sorted keys, handed to `write` a piece at a
    /// time: the frame, then the rows encoded `chunkSize` at a time, so a report of 100,000 rows
    /// is never one document in memory.
    public func writeJSON(_ write: (String) throws -> Void, chunkSize: Int = 512) throws {
        let count = report.rows.count
        var body: [String: Any] = [
            "report_type": "clicktrackers",
            "group_by": report.query.dimensions.map(\.rawValue),
            "start_date": ClickTime.format(report.from),
            "end_date": ClickTime.format(report.to),
            "clicks": report.clicks,
            "media_cost": Self.decimal(report.cost),
            "rows": [Any](),
        ]
        body["newest_click"] = report.newestClick.map(ClickTime.format) ?? NSNull()
        let response: [String: Any] = [
            "status": "OK", "count": count, "start_element": 0, "num_elements": count, "report": body,
        ]
        let frame = try PrettyJSONFrame(document: try Self.encode(["response": response]), arrayKey: "rows")
        try write(frame.start(count: count))
        var chunk: [[String: Any]] = []
        var first = true
        for row in report.rows {
            chunk.append(object(row))
            if chunk.count == chunkSize {
                try write(frame.elements(ofEncodedArray: try Self.encode(chunk), first: first))
                chunk.removeAll(keepingCapacity: true)
                first = false
            }
        }
        if !chunk.isEmpty { try write(frame.elements(ofEncodedArray: try Self.encode(chunk), first: first)) }
        try write(frame.end(count: count))
    }

    private func object(_ row: ClickReportRow) -> [String: Any] {
        var object: [String: Any] = [:]
        for (dimension, key) in zip(report.query.dimensions, row.keys) {
            switch (dimension, key) {
            case (.placement, .object(let id, let name)):
                object["tag_id"] = id
                object["tag_name"] = name ?? NSNull()
            case (_, .object(let id, let name)):
                let prefix = dimension.rawValue.replacingOccurrences(of: "-", with: "_")
                object["\(prefix)_id"] = id
                object["\(prefix)_name"] = name ?? NSNull()
            case (_, .domain(let domain)): object["site_domain"] = domain
            case (.day, .time(let time)): object["day"] = ClickTime.formatDay(time)
            case (_, .time(let time)): object["hour"] = ClickTime.formatHour(time)
            }
        }
        object["clicks"] = row.clicks
        object["media_cost"] = Self.decimal(row.cost)
        object["first_click"] = ClickTime.format(row.first)
        object["last_click"] = ClickTime.format(row.last)
        if showsStopped { object["stopped"] = row.stopped }
        return object
    }

    private static func encode(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
               as: UTF8.self)
    }

    /// The cost as a JSON number with exactly its decimals (a Double would print 0.30000000000000004).
    static func decimal(_ nanos: Int64) -> NSDecimalNumber {
        NSDecimalNumber(string: ClickCost.format(nanos), locale: Locale(identifier: "en_US_POSIX"))
    }
}
