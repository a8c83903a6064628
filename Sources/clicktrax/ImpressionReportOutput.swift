import ClicktraxCore
import Foundation
import TerminalUI
import TextTools

/// `clicktrax report --impressions` written out: a table, CSV or JSON of external impressions,
/// clicks and CTR, and — with each — the caveat that no report tells impression trackers on the
/// same line item, publisher and placement apart.
struct ImpressionReportOutput {
    let report: ImpressionReport

    var dimensions: [ImpressionDimension] { report.query.dimensions }

    /// Per dimension `id, name` (a day: its date), then the figures.
    var header: [String] {
        dimensions.flatMap { dimension -> [String] in
            dimension == .day ? ["day"] : [dimension.rawValue.replacingOccurrences(of: "-", with: "_") + "_id", "name"]
        } + ["impressions", "clicks", "ctr"]
    }

    func keyFields(_ row: ImpressionReport.Row) -> [String] {
        row.keys.flatMap { key -> [String] in
            switch key {
            case .day(let day): [ClickTime.formatDay(day)]
            case .object(let id, let name): [id == 0 ? "none" : String(id), id == 0 ? "" : name ?? "(not in this database)"]
            }
        }
    }

    func csv() -> String {
        var text = CSVWriter.line(header)
        for row in report.rows {
            text += CSVWriter.line(keyFields(row) + [String(row.impressions), String(row.clicks), row.ctr.map { String(format: "%.6f", $0) } ?? ""])
        }
        return text
    }

    func json() throws -> String {
        let rows: [[String: Any]] = report.rows.map { row in
            var object: [String: Any] = ["impressions": row.impressions, "clicks": row.clicks, "ctr": row.ctr ?? NSNull()]
            for (dimension, key) in zip(dimensions, row.keys) {
                switch key {
                case .day(let day): object["day"] = ClickTime.formatDay(day)
                case .object(let id, let name):
                    object[dimension.rawValue.replacingOccurrences(of: "-", with: "_")] = ["id": id, "name": name ?? NSNull()] as [String: Any]
                }
            }
            return object
        }
        let document: [String: Any] = ["response": [
            "status": "OK", "from": ClickTime.format(report.from), "to": ClickTime.format(report.to),
            "impressions": report.impressions, "clicks": report.clicks, "ctr": report.ctr ?? NSNull(),
            "rows": rows, "note": ImpressionReport.caveat,
        ] as [String: Any]]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func table(width: Int?) -> String {
        guard report.newestHour != nil else {
            return "No impressions in this database: clicktrax invest pull-impressions --from DATE\n"
        }
        var columns: [PlainTextTable.Column] = []
        for dimension in dimensions {
            if dimension == .day {
                columns.append(.init("Day"))
            } else {
                columns.append(.init(dimension.title, alignRight: true))
                columns.append(.init("Name", maxWidth: 40, minWidth: 12, dropPriority: 5))
            }
        }
        columns += [.init("Impressions", alignRight: true), .init("Clicks", alignRight: true), .init("CTR", alignRight: true)]
        var table = PlainTextTable(columns: columns)
        for row in report.rows {
            table.append(keyFields(row).map(TerminalSafeText.sanitize) + [row.impressions.grouped, row.clicks.grouped, ImpressionReport.formatCTR(row.ctr)])
        }
        var text = "External impressions and clicks (Network Analytics) \(ClickTime.formatHour(report.from)) – "
            + "\(ClickTime.formatHour(report.to)) UTC by " + dimensions.map(\.rawValue).joined(separator: ", then ") + "\n"
        if report.rows.isEmpty {
            text += "No impressions in this range or for these filters.\n"
        } else {
            text += table.render(totalWidth: width)
            text += "Total: \(report.impressions.grouped) impressions, \(report.clicks.grouped) clicks, CTR \(ImpressionReport.formatCTR(report.ctr)), "
                + "\(report.rows.count.grouped) row\(report.rows.count == 1 ? "" : "s")\n"
        }
        return text + "Note: " + ImpressionReport.caveat + "\n"
    }
}
