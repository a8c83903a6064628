/// A report's rows, kept by column: 100,000 rows each with its own array of keys and its own
/// name strings took longer to make and to free than the sums took to add up (the by-tracker
/// report spent two thirds of its time there). A `ClickReportRow` is made only when one is asked
/// for — the table draws forty; sorting and filtering read the columns.
public struct ClickReportRows: RandomAccessCollection, Sendable, Equatable {
    /// One per dimension of the query, in its order.
    public internal(set) var keys: [Column]
    public internal(set) var clicks: [Int] = []
    /// Billionths (`ClickCost`).
    public internal(set) var cost: [Int64] = []
    public internal(set) var first: [Int64] = []
    public internal(set) var last: [Int64] = []
    /// Grouped by tracker: it had clicks in the range and none in the 24 hours before the newest
    /// click in the database (its tag may be broken).
    public internal(set) var stopped: [Bool] = []
    /// Clicks per day of `ClickReport.days`, `dayCount` per row (when the query asked for them).
    public internal(set) var daily: [Int32] = []
    public internal(set) var dayCount = 0

    /// One dimension's values, a row each: an object's id (and its name, in a table of the
    /// names the rows use), a site domain (an index into `domains`, which is sorted), or the
    /// start of a day or an hour.
    public struct Column: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case object, domain, time }
        public let kind: Kind
        /// Per row: the id, the index into `domains`, or the time.
        public internal(set) var values: [Int64] = []
        /// Per row, for objects: the place of its name in `names`, or -1 when this database
        /// does not know the object.
        public internal(set) var nameSlots: [Int32] = []
        public internal(set) var names = PackedStrings()
        public internal(set) var domains: [String] = []

        init(kind: Kind, domains: [String] = []) {
            self.kind = kind
            self.domains = domains
        }

        public func name(_ row: Int) -> String? {
            kind == .object && nameSlots[row] >= 0 ? names[Int(nameSlots[row])] : nil
        }

        public func key(_ row: Int) -> ClickGroupKey {
            switch kind {
            case .object: .object(id: values[row], name: name(row))
            case .domain: .domain(domains[Int(values[row])])
            case .time: .time(values[row])
            }
        }
    }

    /// No rows yet, a column for each of `dimensions` (site domains indexing `domains`).
    init(columnsFor dimensions: [ClickDimension], domains: [String] = []) {
        keys = dimensions.map { dimension in
            switch dimension {
            case .day, .hour: Column(kind: .time)
            case .siteDomain: Column(kind: .domain, domains: domains)
            default: Column(kind: .object)
            }
        }
    }

    mutating func append(clicks: Int, cost: Int64, first: Int64, last: Int64, stopped: Bool = false) {
        self.clicks.append(clicks)
        self.cost.append(cost)
        self.first.append(first)
        self.last.append(last)
        self.stopped.append(stopped)
    }

    mutating func reserveCapacity(_ count: Int) {
        clicks.reserveCapacity(count)
        cost.reserveCapacity(count)
        first.reserveCapacity(count)
        last.reserveCapacity(count)
        stopped.reserveCapacity(count)
        for index in keys.indices {
            keys[index].values.reserveCapacity(count)
            if keys[index].kind == .object { keys[index].nameSlots.reserveCapacity(count) }
        }
    }

    mutating func setStopped(_ row: Int, _ value: Bool) { stopped[row] = value }

    mutating func appendKey(_ position: Int, value: Int64, nameSlot: Int32 = -1) {
        keys[position].values.append(value)
        if keys[position].kind == .object { keys[position].nameSlots.append(nameSlot) }
    }

    mutating func setNames(_ position: Int, _ names: PackedStrings) { keys[position].names = names }

    mutating func appendDaily(_ values: ArraySlice<Int32>) {
        daily += values
        dayCount = values.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { clicks.count }

    public subscript(row: Int) -> ClickReportRow {
        ClickReportRow(keys: keys.map { $0.key(row) }, clicks: clicks[row], cost: cost[row], first: first[row], last: last[row],
                       stopped: stopped[row], daily: dayCount == 0 ? [] : Array(daily[(row * dayCount)..<((row + 1) * dayCount)]))
    }

    /// The id of row `row`'s object at `position` (nil: that key is not an object).
    public func id(_ row: Int, at position: Int) -> Int64? {
        keys[position].kind == .object ? keys[position].values[row] : nil
    }
}
