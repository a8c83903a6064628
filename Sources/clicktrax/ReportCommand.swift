import ArgumentParser
import ClicktraxCore
import Foundation
import TerminalUI
import TextTools

/// `clicktrax report`: clicks, media cost, first and last click, grouped.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Clicks and media cost from the Clicktrackers Feed, or impressions, clicks and CTR (--impressions), grouped.",
        discussion: """
            --by several times nests the groups in that order (default: tracker). The range is --from to --to, both \
            included (a day, or an hour as 2026-11-30T14, UTC); by default the 30 days up to the newest click. Grouped \
            by tracker, a tracker that has clicks in the range and none in the 24 hours before the newest click is \
            flagged "stopped" (is its tag still on the page?). Reports are read from rollups, never from raw clicks. \
            --impressions reports what clicktrax invest pull-impressions stored: external impressions, clicks and CTR by \
            line-item, publisher, placement or day (default: line item, then publisher, then placement) — Network Analytics \
            has no tracker id, so impression trackers on the same line item, publisher and placement are counted together.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("by"), help: ArgumentHelp("Group by: tracker, line-item, publisher, placement, site-domain, day, hour (repeatable).", valueName: "dimension"))
    var dimensions: [String] = []

    @Option(help: ArgumentHelp("The first day or hour (YYYY-MM-DD[THH], UTC).", valueName: "date"))
    var from: ClickTimeArgument?

    @Option(help: ArgumentHelp("The last day or hour included.", valueName: "date"))
    var to: ClickTimeArgument?

    @Option(name: .customLong("tracker"), help: ArgumentHelp("Only these trackers (repeatable, or 1,2,3).", valueName: "id"))
    var trackers: [String] = []

    @Option(name: .customLong("line-item"), help: ArgumentHelp("Only these line items.", valueName: "id"))
    var lineItems: [String] = []

    @Option(name: .customLong("publisher"), help: ArgumentHelp("Only these publishers.", valueName: "id"))
    var publishers: [String] = []

    @Option(help: "table, json (the Invest envelope) or csv.")
    var format: OutputFormat = .table

    @Flag(help: "External impressions, clicks and CTR (Network Analytics) instead of the Clicktrackers Feed's clicks.")
    var impressions = false

    /// Read here, not by the parser: its message for a bad value of a repeatable option lists no
    /// values at all; this one names the accepted ones.
    func validate() throws {
        if impressions {
            let accepted = ImpressionDimension.allCases.map(\.rawValue)
            for value in dimensions where ImpressionDimension(rawValue: value.lowercased().replacingOccurrences(of: "_", with: "-")) == nil {
                throw ValidationError("--by with --impressions: expected one of \(accepted.joined(separator: ", ")) "
                                      + "(got “\(TerminalSafe.clip(value, 40))”: Network Analytics reports no tracker or site domain)")
            }
            if !trackers.isEmpty {
                throw ValidationError("--tracker with --impressions: Network Analytics reports no tracker id; use --line-item or --publisher")
            }
            return
        }
        for value in dimensions where ClickDimensionArgument(argument: value) == nil {
            throw ValidationError("--by: expected one of \(ClickDimensionArgument.allValueStrings.joined(separator: ", ")) "
                                  + "(got “\(TerminalSafe.clip(value, 40))”)")
        }
    }

    func run() throws {
        if impressions { return try runImpressions() }
        var chosen: [ClickDimension] = []
        for dimension in dimensions.compactMap({ ClickDimensionArgument(argument: $0)?.dimension }) where !chosen.contains(dimension) {
            chosen.append(dimension)
        }
        var query = ClickReportQuery(dimensions: chosen.isEmpty ? [.tracker] : chosen, from: from?.start, to: to?.end)
        if let from, let to, from.start >= to.end {
            throw ClicktraxError.badInput("report: --from \(ClickTime.formatHour(from.start)) is after --to \(ClickTime.formatHour(to.start))")
        }
        query.trackers = try Self.ids(trackers, "--tracker")
        query.lineItems = try Self.ids(lineItems, "--line-item")
        query.publishers = try Self.ids(publishers, "--publisher")
        let store = try global.openStore()
        let report = try store.clickReport(query)
        let document = ClickReportDocument(report)
        switch format {
        // Both written as the rows are made into text, 64 KB at a time: a report of 100,000 rows
        // is never one string (the rows themselves are columns, kept small by the report).
        case .json:
            let output = StandardOutputBuffer()
            try document.writeJSON { try output.append($0) }
            try output.flush()
        case .csv:
            let output = StandardOutputBuffer()
            try output.append(CSVWriter.line(document.header))
            for row in report.rows { try output.append(CSVWriter.line(document.fields(row))) }
            try output.flush()
        case .table: try ObjectPrinter.write(table(document))
        }
    }

    private func runImpressions() throws {
        var chosen: [ImpressionDimension] = []
        for value in dimensions {
            if let dimension = ImpressionDimension(rawValue: value.lowercased().replacingOccurrences(of: "_", with: "-")), !chosen.contains(dimension) {
                chosen.append(dimension)
            }
        }
        if let from, let to, from.start >= to.end {
            throw ClicktraxError.badInput("report: --from \(ClickTime.formatHour(from.start)) is after --to \(ClickTime.formatHour(to.start))")
        }
        var query = ImpressionReportQuery(dimensions: chosen.isEmpty ? [.lineItem, .publisher, .placement] : chosen,
                                          from: from?.start, to: to?.end)
        query.lineItems = try Self.ids(lineItems, "--line-item").sorted()
        query.publishers = try Self.ids(publishers, "--publisher").sorted()
        let output = ImpressionReportOutput(report: try global.openStore().impressionReport(query))
        switch format {
        case .json: try ObjectPrinter.write(try output.json())
        case .csv: try ObjectPrinter.write(output.csv())
        case .table: try ObjectPrinter.write(output.table(width: ObjectPrinter.terminalColumns()))
        }
    }

    private func table(_ document: ClickReportDocument) -> String {
        let report = document.report
        guard let newest = report.newestClick else {
            return "No clicks in this database: clicktrax clicks import FILE…, or clicktrax invest pull-clicks --from DATE\n"
        }
        var columns: [PlainTextTable.Column] = []
        for dimension in report.query.dimensions {
            switch dimension {
            case .siteDomain: columns.append(.init("Site domain", maxWidth: 40, minWidth: 16))
            case .day: columns.append(.init("Day"))
            case .hour: columns.append(.init("Hour"))
            default:
                columns.append(.init(dimension.title, alignRight: true))
                columns.append(.init("Name", maxWidth: 40, minWidth: 12, dropPriority: 5))
            }
        }
        columns += [.init("Clicks", alignRight: true), .init("Media cost", alignRight: true),
                    .init("First click", dropPriority: 2), .init("Last click", dropPriority: 3)]
        if document.showsStopped { columns.append(.init("Status")) }
        var table = PlainTextTable(columns: columns)
        for row in report.rows {
            var fields = document.fields(row)
            let clicksColumn = fields.count - (document.showsStopped ? 5 : 4)
            fields[clicksColumn] = row.clicks.grouped
            table.append(fields)
        }
        let days = Double(report.to - report.from) / Double(ClickTime.day)
        let span = days == days.rounded() ? "\(Int(days)) day\(days == 1 ? "" : "s")" : "\(Int((days * 24).rounded())) hours"
        var text = "Clicks \(ClickTime.formatHour(report.from)) – \(ClickTime.formatHour(report.to)) UTC (\(span)) by "
            + report.query.dimensions.map(\.rawValue).joined(separator: ", then ")
            + "; newest click \(ClickTime.format(newest)) UTC\n"
        if report.rows.isEmpty {
            text += "No clicks in this range or for these filters.\n"
            return text
        }
        text += table.render(totalWidth: ObjectPrinter.terminalColumns())
        let stopped = report.rows.stopped.filter { $0 }.count
        text += "Total: \(report.clicks.grouped) clicks, media cost \(ClickCost.format(report.cost)), \(report.rows.count.grouped) row\(report.rows.count == 1 ? "" : "s")"
            + (stopped > 0 ? "; \(stopped) stopped (no click in the 24 hours before the newest)" : "") + "\n"
        return text
    }

    static func ids(_ values: [String], _ option: String) throws -> Set<Int64> {
        var ids = Set<Int64>()
        for value in values {
            for part in value.split(separator: ",") {
                guard let id = Int64(part.trimmingCharacters(in: .whitespaces)), id > 0 else {
                    throw ClicktraxError.badInput("report: \(option) “\(TerminalSafeText.sanitize(String(part.prefix(40))))” is not an id")
                }
                ids.insert(id)
            }
        }
        return ids
    }
}

struct ClickDimensionArgument: ExpressibleByArgument {
    var dimension: ClickDimension

    init?(argument: String) {
        guard let dimension = ClickDimension(rawValue: argument.lowercased().replacingOccurrences(of: "_", with: "-")) else { return nil }
        self.dimension = dimension
    }

    static var allValueStrings: [String] { ClickDimension.allCases.map(\.rawValue) }
}
