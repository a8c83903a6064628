import Foundation
import TextTools

/// Reads one feed CSV file into click rows, checking every field: the header names feed
/// columns (one time column and `tracker_id` at least), every row has the header's width, times
/// are times, ids are ids, costs are plain non-negative decimals, and a site domain is short,
/// UTF-8 and free of control and format characters — a domain is drawn on screens and written
/// into reports, so what cannot be shown as itself is refused here with its file and line.
final class ClickFeedParser {
    struct FileFacts: Sendable {
        var hasAuctionIds: Bool
        var rows = 0
        var firstHour: Int64?
        var lastHour: Int64?
    }

    static let maxSiteDomainBytes = 255
    static let largestId: UInt64 = 1 << 53

    let path: String
    let fileIndex: Int
    private(set) var problems: [ImportProblem] = []
    private(set) var facts = FileFacts(hasAuctionIds: false)
    private var columns: [ClickFeedColumn: Int] = [:]
    private var timeColumn = ClickFeedColumn.datetime

    init(path: String, fileIndex: Int) {
        self.path = path
        self.fileIndex = fileIndex
    }

    /// Reads the whole file; `emit` gets each row with its source. Stops after `problemLimit`
    /// problems. The interning of sources is the caller's (`sources`), shared across files.
    func read(problemLimit: Int, sources: ClickSourceInterner, bytes: (Int64) -> Void,
              emit: (ClickRow) -> Void) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            problem(nil, "cannot be read (\(String(cString: strerror(errno))))")
            return
        }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            problem(nil, "is a folder, not a feed file")
            return
        }
        let reader = ClickFeedReader(descriptor: descriptor)
        do {
            guard try reader.next() else {
                problem(nil, "is empty: a feed file starts with a header row (datetime,tracker_id,…)")
                return
            }
            guard readHeader(reader) else { return }
            var reported: Int64 = 0
            while problems.count < problemLimit, try reader.next() {
                if let row = row(reader, sources: sources) {
                    emit(row)
                    facts.rows += 1
                }
                if reader.bytesRead - reported >= 1 << 22 {
                    bytes(reader.bytesRead - reported)
                    reported = reader.bytesRead
                }
            }
            bytes(reader.bytesRead - reported)
        } catch {
            switch error {
            case .unterminatedQuote(let line): problem(line, "a quoted field is never closed (is the file cut off?)")
            case .recordTooLong(let line): problem(line, "a record longer than \(ClickFeedReader.maxRecordBytes >> 20) MB")
            case .unreadable(let why): problem(nil, "cannot be read (\(why))")
            }
        }
    }

    private func readHeader(_ reader: ClickFeedReader) -> Bool {
        let known = ClickFeedColumn.allCases.map(\.rawValue)
        for index in 0..<reader.fieldCount {
            var name = reader.text(index).trimmingCharacters(in: .whitespaces)
            if index == 0 && name.hasPrefix("\u{FEFF}") { name.removeFirst() } // a spreadsheet's BOM
            guard let column = ClickFeedColumn(rawValue: name.lowercased()) else {
                let hint = Suggestion.closest(to: name, in: known).map { " (did you mean “\($0)”?)" } ?? ""
                problem(reader.line, "unknown column “\(TerminalSafe.clip(name, 40))”\(hint); the feed's columns are \(known.joined(separator: ", "))")
                continue
            }
            if columns[column] != nil {
                problem(reader.line, "column “\(column.rawValue)” appears twice")
                continue
            }
            columns[column] = index
        }
        guard problems.isEmpty else { return false }
        guard let time = ClickFeedColumn.timeColumns.first(where: { columns[$0] != nil }) else {
            problem(reader.line, "no time column: the header needs datetime, hour or day")
            return false
        }
        guard columns[.trackerID] != nil else {
            problem(reader.line, "no tracker_id column: every click belongs to a tracker")
            return false
        }
        timeColumn = time
        facts.hasAuctionIds = columns[.auctionID] != nil
        // The columns a row reads, as plain indexes: a dictionary look-up per field per row
        // hashes with SipHash ten million times over.
        at = Indexes(time: columns[time]!, tracker: columns[.trackerID]!, lineItem: columns[.lineItemID],
                     publisher: columns[.publisherID], placement: columns[.tagID], auction: columns[.auctionID],
                     cost: columns[.mediaBuyCost], domain: columns[.siteDomain])
        headerWidth = reader.fieldCount
        return true
    }

    private var headerWidth = 0

    struct Indexes {
        var time = 0, tracker = 0
        var lineItem: Int?, publisher: Int?, placement: Int?, auction: Int?, cost: Int?, domain: Int?
    }

    private var at = Indexes()

    private func row(_ reader: ClickFeedReader, sources: ClickSourceInterner) -> ClickRow? {
        let line = reader.line
        guard reader.fieldCount == headerWidth else {
            problem(line, "\(reader.fieldCount) field\(reader.fieldCount == 1 ? "" : "s") where the header has \(headerWidth) (is the file cut off?)")
            return nil
        }
        let indexes = self.at
        guard let at = ClickTime.parse(reader.field(indexes.time)) else {
            let shape = timeColumn == .datetime ? "YYYY-MM-DD HH:MM:SS" : timeColumn == .hour ? "YYYY-MM-DD HH:MM" : "YYYY-MM-DD"
            problem(line, "\(timeColumn.rawValue): “\(clipped(reader, indexes.time))” is not a time (\(shape), UTC)")
            return nil
        }
        guard let tracker = id(reader, .trackerID, indexes.tracker, line: line, required: true),
              let lineItem = id(reader, .lineItemID, indexes.lineItem, line: line),
              let publisher = id(reader, .publisherID, indexes.publisher, line: line),
              let placement = id(reader, .tagID, indexes.placement, line: line) else { return nil }
        var key: Int64 = 0
        if let index = indexes.auction {
            guard let auction = Self.unsigned(reader.field(index)), auction != 0 else {
                problem(line, "auction_id: “\(clipped(reader, index))” is not an auction id (a number of up to 20 digits)")
                return nil
            }
            key = Int64(bitPattern: auction)
        } else {
            key = -(Int64(fileIndex + 1) << 40 | Int64(line))
        }
        var cost: Int64 = 0
        if let index = indexes.cost {
            do { cost = try ClickCost.parse(reader.field(index)) } catch {
                let why = switch error {
                case .negative: "is negative"
                case .notANumber: "is not a number"
                case .tooLarge: "is too large"
                }
                problem(line, "media_buy_cost: “\(clipped(reader, index))” \(why)")
                return nil
            }
        }
        var domain: Int32 = -1 // none: the file has no site_domain column
        if let index = indexes.domain {
            guard let checked = sources.domain(reader.field(index), check: { siteDomainProblem($0, line: line) }) else { return nil }
            domain = checked
        }
        let hour = ClickTime.startOfHour(at)
        facts.firstHour = min(facts.firstHour ?? hour, hour)
        facts.lastHour = max(facts.lastHour ?? hour, hour)
        let source = sources.number(for: ClickSourceInterner.Key(
            tracker: tracker, lineItem: lineItem, publisher: publisher, placement: placement, domain: domain))
        return ClickRow(at: at, key: key, source: source, cost: cost)
    }

    private func id(_ reader: ClickFeedReader, _ column: ClickFeedColumn, _ index: Int?, line: Int, required: Bool = false) -> Int64? {
        guard let index else { return 0 }
        let field = reader.field(index)
        if field.isEmpty && !required { return 0 }
        guard let value = Self.unsigned(field), value <= Self.largestId, value > 0 || !required else {
            problem(line, "\(column.rawValue): “\(clipped(reader, index))” is not an id (1 to 2^53)")
            return nil
        }
        return Int64(value)
    }

    /// Why a (new) site domain is refused, or nil. Plain printable ASCII needs no closer look.
    private func siteDomainProblem(_ field: UnsafeBufferPointer<UInt8>, line: Int) -> Bool {
        guard field.count <= Self.maxSiteDomainBytes else {
            problem(line, "site_domain: \(field.count) bytes, longer than any domain (\(Self.maxSiteDomainBytes))")
            return true
        }
        if field.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        guard let text = String(validating: field, as: UTF8.self) else {
            problem(line, "site_domain: not UTF-8 text")
            return true
        }
        if let bad = text.unicodeScalars.first(where: Self.isForbiddenInDomain) {
            problem(line, "site_domain: holds \(bad.codePointLabel), which a domain cannot (a control or format character)")
            return true
        }
        return false
    }

    /// Control characters (escape sequences), format characters (bidi overrides, zero-width
    /// joiners) and the line separators: a domain holding one would be drawn as something else.
    static func isForbiddenInDomain(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }

    /// Digits only, at most UInt64's range.
    static func unsigned(_ field: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !field.isEmpty, field.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in field {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(byte - 0x30))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    private func clipped(_ reader: ClickFeedReader, _ index: Int) -> String {
        TerminalSafe.clip(String(decoding: reader.field(index).prefix(200), as: UTF8.self), 40)
    }

    private func problem(_ line: Int?, _ message: String) {
        problems.append(ImportProblem(file: path, place: line.map { "line \($0)" }, message: message))
    }
}

/// Numbers each distinct click source as the files are read, shared by every file of one import.
/// Domains are numbered from their bytes first, so a row costs a few integer hashes.
final class ClickSourceInterner {
    struct Key: FastHashable {
        var tracker: Int64, lineItem: Int64, publisher: Int64, placement: Int64, domain: Int32

        var fastHash: UInt64 {
            var hash = UInt64(bitPattern: tracker) &* 0x9E37_79B9_7F4A_7C15
            hash = (hash ^ UInt64(bitPattern: lineItem)) &* 0xC2B2_AE3D_27D4_EB4F
            hash = (hash ^ UInt64(bitPattern: publisher)) &* 0x1656_67B1_9E37_79F9
            hash = (hash ^ UInt64(bitPattern: placement)) &* 0x9E37_79B9_7F4A_7C15
            return (hash ^ UInt64(UInt32(bitPattern: domain))) &* 0xC2B2_AE3D_27D4_EB4F
        }
    }

    /// Source numbers are the map's indexes.
    private var numbers = FastKeyMap<Key, Void>()
    private var domains = ByteStringInterner()
    /// Sources numbered since the last `takeNew()`, in number order.
    private var fresh: [ClickSource] = []
    private(set) var count: Int32 = 0

    /// The number of a domain; a domain seen for the first time must pass `check` (which
    /// reports its problem and answers true to refuse it). Nil when refused.
    func domain(_ bytes: UnsafeBufferPointer<UInt8>, check: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int32? {
        let (number, isNew) = domains.number(for: bytes)
        if isNew {
            if check(bytes) { refused.insert(number) }
        } else if refused.contains(number) {
            _ = check(bytes) // refused before: said again, for this line
        }
        return refused.contains(number) ? nil : number
    }

    private var refused = Set<Int32>()

    func number(for key: Key) -> Int32 {
        if let number = numbers.index(of: key) { return Int32(number) }
        let number = count
        numbers.append(key, ())
        fresh.append(ClickSource(trackerId: key.tracker, lineItemId: key.lineItem, publisherId: key.publisher,
                                 placementId: key.placement, siteDomain: key.domain < 0 ? "" : domains.string(key.domain)))
        count += 1
        return number
    }

    func takeNew() -> [ClickSource] {
        defer { fresh.removeAll(keepingCapacity: true) }
        return fresh
    }
}
