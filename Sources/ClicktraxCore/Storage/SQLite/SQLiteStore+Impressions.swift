import Foundation
import GRDB

/// Network Analytics' external impressions and clicks per hour (`impression_hour`, migration
/// v11): a pulled window replaces its hours; a report sums them, grouped, with the catalog's names.
extension SQLiteStore {
    public func replaceImpressions(from: Int64, to: Int64, _ hours: [ImpressionHour]) throws -> Int {
        // Rows of the same key are summed first: a report may split one key over several rows
        // (an impression row and a click row, by imp_type).
        struct Key: Hashable { var hour, lineItem, publisher, placement: Int64 }
        var summed: [Key: (impressions: Int64, clicks: Int64)] = [:]
        for row in hours where row.hour >= from && row.hour < to {
            let key = Key(hour: row.hour, lineItem: row.lineItemId, publisher: row.publisherId, placement: row.placementId)
            let sum = summed[key] ?? (0, 0)
            summed[key] = (sum.impressions &+ row.impressions, sum.clicks &+ row.clicks)
        }
        return try write { db in
            try db.execute(sql: "DELETE FROM impression_hour WHERE hour >= ? AND hour < ?", arguments: [from, to])
            let insert = try db.cachedStatement(sql: """
                INSERT INTO impression_hour (hour, line_item_id, publisher_id, placement_id, impressions, clicks) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (key, sum) in summed {
                try insert.execute(arguments: [key.hour, key.lineItem, key.publisher, key.placement, sum.impressions, sum.clicks])
            }
            return summed.count
        }
    }

    public func impressionReport(_ query: ImpressionReportQuery) throws -> ImpressionReport {
        try read { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(hour) FROM impression_hour")
            let to = query.to ?? (newest.map { $0 + ClickTime.hour } ?? 0)
            let from = try query.from ?? Int64.fetchOne(db, sql: "SELECT MIN(hour) FROM impression_hour") ?? to
            var conditions = ["h.hour >= ?", "h.hour < ?"]
            var arguments: [any DatabaseValueConvertible] = [from, to]
            for (column, ids) in [("h.line_item_id", query.lineItems), ("h.publisher_id", query.publishers)] where !ids.isEmpty {
                conditions.append("\(column) IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
                arguments += ids.map { $0 as any DatabaseValueConvertible }
            }
            let dimensions = query.dimensions.isEmpty ? [ImpressionDimension.lineItem] : query.dimensions
            var select: [String] = []
            var joins: [String] = []
            for (index, dimension) in dimensions.enumerated() {
                select.append(dimension.expression)
                if let table = dimension.table {
                    joins.append("LEFT JOIN \(table) n\(index) ON n\(index).id = \(dimension.expression)")
                    select.append("n\(index).name")
                } else {
                    select.append("NULL")
                }
            }
            let groups = (0..<dimensions.count).map { String($0 * 2 + 1) }.joined(separator: ", ")
            let sql = """
                SELECT \(select.joined(separator: ", ")), SUM(h.impressions), SUM(h.clicks)
                FROM impression_hour h \(joins.joined(separator: " "))
                WHERE \(conditions.joined(separator: " AND "))
                GROUP BY \(groups) ORDER BY \(groups)
                """
            var rows: [ImpressionReport.Row] = []
            var impressions: Int64 = 0
            var clicks: Int64 = 0
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                var keys: [ImpressionReport.Row.Key] = []
                for (index, dimension) in dimensions.enumerated() {
                    let id: Int64 = row[index * 2]
                    keys.append(dimension == .day ? .day(id) : .object(id, row[index * 2 + 1]))
                }
                let rowImpressions: Int64 = row[dimensions.count * 2]
                let rowClicks: Int64 = row[dimensions.count * 2 + 1]
                impressions &+= rowImpressions
                clicks &+= rowClicks
                rows.append(ImpressionReport.Row(keys: keys, impressions: rowImpressions, clicks: rowClicks))
            }
            return ImpressionReport(query: query, rows: rows, impressions: impressions, clicks: clicks, newestHour: newest, from: from, to: to)
        }
    }
}
