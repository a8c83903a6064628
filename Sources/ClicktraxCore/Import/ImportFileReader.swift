import Foundation

/// Reads one import file — an Invest API response page (JSON) or a CSV with a header row — into
/// records, or problems naming the file, the line or record, and the field.
struct ImportFileReader {
    let path: String
    /// The publisher of payment rules whose JSON carries none (`--publisher`).
    let publisherForPaymentRules: Int64?
    /// The kind of a CSV file whose header does not say (`--kind`).
    let csvKind: ObjectKind?
    /// JSON files bigger than this are streamed element by element; an API page is far smaller.
    var streamAbove = 8 << 20

    /// What reading one file found besides its records.
    struct Outcome {
        /// Problems that refuse the import (all or nothing).
        var problems: [ImportProblem] = []
        /// Objects of Invest's pages that could not be kept: named, and the rest goes on.
        var skipped: [String] = []
        /// Values of Invest's pages kept as they are that would not be accepted if typed.
        var legacy = LegacyValues()
        /// Values of Invest's pages left empty: not of their field's type (`line item 5: revenue_value: …`).
        var leftEmpty: [String] = []
    }

    /// Feeds the file's records to `sink` and says what else it found. A JSON page is read whole
    /// (an API page is small); a CSV file is read in chunks, record by record, however big.
    func read(into sink: (ImportRecord) -> Void) -> Outcome {
        var outcome = Outcome()
        outcome.problems = read(into: sink, &outcome)
        return outcome
    }

    private func read(into sink: (ImportRecord) -> Void, _ outcome: inout Outcome) -> [ImportProblem] {
        // A folder, a device or a FIFO has no end to read to (`/dev/zero` would fill memory).
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            return [ImportProblem(file: path, message: "not a regular file (a folder, device or pipe): give a file")]
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return [ImportProblem(file: path, message: "cannot read the file (missing, or not readable)")]
        }
        // Closing a file only read cannot lose anything.
        defer { try? handle.close() }
        let size: Int
        let head: Data
        do {
            size = Int(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
            // A small file (an API page) is read once, whole; a big one is streamed.
            head = (size <= streamAbove ? try handle.readToEnd() : try handle.read(upToCount: 4096)) ?? Data()
            try handle.seek(toOffset: 0)
        } catch {
            return [ImportProblem(file: path, message: "cannot read the file (\(ReadFailure.reason(error)))")]
        }
        // A UTF-8 byte order mark (Windows editors write one) comes before JSON as before CSV.
        let bom = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = head.dropFirst(bom).first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return [ImportProblem(file: path, message: "the file is empty")]
        }
        let once = OnceInAFile(path: path)
        var legacy = LegacyValues()
        defer { legacy.sort(); outcome.legacy = legacy }
        // Fields are checked here, on the reader's thread: the writer's is the import's bottleneck.
        let take: (ImportRecord) -> Void = { record in
            var record = record
            switch record.origin {
            case .operatorInput:
                // The operator's rows follow the input rules (judged as the row was read); those
                // of an object already stored are judged by the writer against what it holds
                // (only what the row changes).
                record.fieldsChecked = record.inputProblems == nil
            case .invest:
                // Invest's objects are kept as they are; what breaks an input rule is counted.
                if let id = record.id {
                    for (field, problem) in record.object.legacyProblems() {
                        legacy.add(record.kind, id: id, field: field, category: problem.category)
                    }
                }
                record.fieldsChecked = true
            }
            if case .lineItem(let item) = record.object { record.searchName = TextFolding.fold(item.name) }
            if once.admits(record) { sink(record) }
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            let reading = InvestPageReading()
            defer {
                outcome.skipped = reading.skipped.map(\.description)
                outcome.leftEmpty = reading.describedNotes
            }
            if size > streamAbove {
                if let problems = streamJSON(handle, reading: reading, into: take) { return problems + once.problems }
            }
            guard let data = size <= streamAbove ? head : FileManager.default.contents(atPath: path) else {
                return [ImportProblem(file: path, message: "cannot read the file")]
            }
            let (records, problems) = readJSON(data.dropFirst(bom), reading: reading)
            records.forEach(take)
            return problems + once.problems
        }
        let problems = readCSV(CSVReader(handle: handle), into: take)
        return problems + once.problems
    }

    /// For tests: every record and problem at once.
    func read() -> (records: [ImportRecord], problems: [ImportProblem]) {
        var records: [ImportRecord] = []
        let outcome = read { records.append($0) }
        return (records, outcome.problems)
    }

    func notUTF8(place: String?) -> ImportProblem {
        ImportProblem(file: path, place: place, message: "not UTF-8 text: save it as UTF-8 (CSV from a spreadsheet: “CSV UTF-8”)")
    }

    /// Streams a big page's list; nil when the file is not a plain list (then it is read whole).
    func streamJSON(_ handle: FileHandle, reading: InvestPageReading, into sink: (ImportRecord) -> Void) -> [ImportProblem]? {
        var problems: [ImportProblem] = []
        let decoder = reading.decoder()
        do {
            let outcome = try JSONArrayStreamer(handle: handle).stream { kind, bytes, index in
                let place = "record \(index)"
                let data = Data(bytes)
                if let problem = JSONStrictCheck.firstProblem(in: bytes, record: index) {
                    let id = problem.field == "id" ? nil : KeptObject<LineItem>.probeID(data)
                    reading.skip(kind, index: index, id: id, reason: [problem.field, problem.message].compactMap { $0 }.joined(separator: ": "))
                    return
                }
                func kept<T: InvestObject>(_ type: T.Type) -> T? {
                    reading.beginObject()
                    reading.kind = T.kind
                    do {
                        let object = try decoder.decode(T.self, from: data)
                        if let problem = InvestValues.idProblem(object.id) {
                            reading.skip(kind, index: index, id: String(object.id), reason: "id: \(problem)")
                            return nil
                        }
                        reading.keep(id: object.id)
                        return object
                    } catch let problem as UnkeepableObject {
                        reading.skip(kind, index: index, id: KeptObject<LineItem>.probeID(data), reason: problem.description)
                    } catch {
                        reading.skip(kind, index: index, id: KeptObject<LineItem>.probeID(data),
                                     reason: "not an object of the API (\(JSONErrorDescription.describe(error)))")
                    }
                    return nil
                }
                switch kind {
                case .advertiser: kept(Advertiser.self).map { sink(wrap(.advertiser($0), place)) }
                case .publisher: kept(Publisher.self).map { sink(wrap(.publisher($0), place)) }
                case .lineItem: kept(LineItem.self).map { sink(wrap(.lineItem($0), place)) }
                case .placement: kept(Placement.self).map { sink(wrap(.placement($0), place)) }
                case .clickTracker:
                    if let tracker = kept(Tracker.self) {
                        sink(wrap(.tracker(tracker, draft: tracker.draft, id: tracker.id, memberId: tracker.memberId, kind: .click), place))
                    }
                case .impTracker:
                    if let tracker = kept(ImpTracker.self)?.tracker {
                        sink(wrap(.tracker(tracker, draft: tracker.draft, id: tracker.id, memberId: tracker.memberId, kind: .impression), place))
                    }
                case .paymentRule:
                    guard var rule = kept(PaymentRule.self) else { return }
                    if rule.publisherId == nil { rule.publisherId = publisherForPaymentRules }
                    if rule.publisherId == nil {
                        problems.append(ImportProblem(file: path, place: place, field: "publisher_id",
                                                      message: "payment rule \(rule.id) has no publisher: the API's JSON carries none, so name it with --publisher ID"))
                    } else {
                        sink(wrap(.paymentRule(rule), place))
                    }
                }
            }
            switch outcome {
            case .done: return problems
            case .notAList: return nil
            case .truncated: return problems + [ImportProblem(file: path, message: "not valid JSON: the file ends in the middle (truncated?)")]
            case .refused(let why): return [ImportProblem(file: path, message: why)]
            }
        } catch {
            return [ImportProblem(file: path, message: "cannot read the file (\(ReadFailure.reason(error)))")]
        }
    }


    // MARK: JSON

    /// One decoding pass (a paged export is thousands of these files).
    func readJSON(_ data: Data, reading: InvestPageReading) -> ([ImportRecord], [ImportProblem]) {
        // A problem of one record skips that record (named); one of the page refuses the file.
        let findings = JSONStrictCheck.check(data)
        if let problem = findings.page {
            return ([], [ImportProblem(file: path, place: problem.place, field: problem.field, message: problem.message)])
        }
        reading.strictProblems = findings.records
        let page: ResponsePage
        do {
            page = try reading.decoder().decode(ResponsePage.self, from: data)
        } catch where String(data: data, encoding: .utf8) == nil {
            // Checked only on failure: a page that decodes is valid UTF-8.
            return ([], [notUTF8(place: nil)])
        } catch let error as DecodingError {
            if case .keyNotFound(let key, let context) = error, key.stringValue == "response", context.codingPath.isEmpty {
                return ([], [ImportProblem(file: path, message: "no \"response\" object: not an Invest API response page")])
            }
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                return ([], [ImportProblem(file: path, message: "not valid JSON (truncated?): \(JSONErrorDescription.describe(error))")])
            }
            if case .typeMismatch(_, let context) = error, context.codingPath.isEmpty {
                return ([], [ImportProblem(file: path, message: "not an Invest API response page: the top level is not an object")])
            }
            return ([], [ImportProblem(file: path, message: JSONErrorDescription.describe(error))])
        } catch {
            return ([], [ImportProblem(file: path, message: "not valid JSON (truncated?)")])
        }
        // A byte that is not UTF-8 inside a text fails that value (the object is skipped or the
        // value left empty):
        // asked only then, it is the file's problem (its encoding), not the object's.
        if !reading.skipped.isEmpty || !reading.notes.isEmpty, String(data: data, encoding: .utf8) == nil {
            return ([], [notUTF8(place: nil)])
        }
        if let error = page.error {
            return ([], [ImportProblem(file: path, message: "the API answered an error: \(page.errorId ?? "ERROR"): \(error)")])
        }
        func places<T>(_ objects: [T]) -> [(T, String)] { objects.enumerated().map { ($0.element, "record \($0.offset)") } }
        switch page.objects {
        case nil:
            let known = ObjectKind.allCases.map(\.pluralKey).joined(separator: ", ")
            return ([], [ImportProblem(file: path, message: "no objects in the response (expected one of: \(known))")])
        case .advertisers(let list): return (places(list).map { wrap(.advertiser($0.0), $0.1) }, [])
        case .publishers(let list): return (places(list).map { wrap(.publisher($0.0), $0.1) }, [])
        case .lineItems(let list): return (places(list).map { wrap(.lineItem($0.0), $0.1) }, [])
        case .placements(let list): return (places(list).map { wrap(.placement($0.0), $0.1) }, [])
        case .trackers(let list):
            return (places(list).map { wrap(.tracker($0.0, draft: $0.0.draft, id: $0.0.id, memberId: $0.0.memberId, kind: .click), $0.1) }, [])
        case .impTrackers(let list):
            return (places(list.map(\.tracker)).map { wrap(.tracker($0.0, draft: $0.0.draft, id: $0.0.id, memberId: $0.0.memberId, kind: .impression), $0.1) }, [])
        case .paymentRules(let list):
            var problems: [ImportProblem] = []
            let records = places(list).compactMap { rule, place -> ImportRecord? in
                var rule = rule
                if rule.publisherId == nil { rule.publisherId = publisherForPaymentRules }
                guard rule.publisherId != nil else {
                    problems.append(ImportProblem(file: path, place: place, field: "publisher_id",
                                                  message: "payment rule \(rule.id) has no publisher: the API's JSON carries none, so name it with --publisher ID"))
                    return nil
                }
                return wrap(.paymentRule(rule), place)
            }
            return (records, problems)
        }
    }

    /// An object of an API page: Invest's.
    func wrap(_ object: ImportRecord.Object, _ place: String) -> ImportRecord {
        ImportRecord(object: object, file: path, place: place, origin: .invest)
    }

    // MARK: CSV

    func readCSV(_ reader: CSVReader, into sink: (ImportRecord) -> Void) -> [ImportProblem] {
        var reader = reader
        var problems: [ImportProblem] = []
        do {
            guard let header = try reader.next() else { return [ImportProblem(file: path, message: "the file is empty")] }
            let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let kind = csvKind ?? CSVColumns.kind(of: columns, path: path) else {
                return [ImportProblem(file: path, place: "line 1",
                                      message: "cannot tell which objects these columns are (\(columns.joined(separator: ","))): name them with --kind")]
            }
            if let problem = CSVColumns.headerProblem(kind: kind, columns: columns) ?? CSVColumns.missingRequired(kind: kind, columns: columns) {
                return [ImportProblem(file: path, place: "line 1", message: problem)]
            }
            // The header has no column twice (checked above): each has one position.
            let positions = CSVColumns.Positions(columns, kind: kind)
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.isEmpty }) { continue }
                let place = "line \(row.line)"
                if row.fields.count != columns.count {
                    problems.append(ImportProblem(file: path, place: place, message: "\(row.fields.count) fields, but the header has \(columns.count)"))
                    continue
                }
                do {
                    let values = CSVColumns.Row(fields: row.fields, positions: positions)
                    let (object, problems) = try CSVColumns.object(kind: kind, values, publisherForPaymentRules: publisherForPaymentRules)
                    var record = ImportRecord(object: object, file: path, place: place, origin: .operatorInput)
                    record.inputProblems = problems.isEmpty ? nil : problems
                    sink(record)
                } catch let problem as CSVColumns.FieldProblem {
                    problems.append(ImportProblem(file: path, place: place, field: problem.field, message: problem.message))
                }
            }
        } catch CSVReader.Failure.unterminatedQuote(let line) {
            problems.append(ImportProblem(file: path, place: "line \(line)", message: "a quoted field never ends (truncated file?)"))
        } catch CSVReader.Failure.notUTF8(let line) {
            problems.append(notUTF8(place: "line \(line)"))
        } catch CSVReader.Failure.recordTooLong(let line) {
            problems.append(ImportProblem(file: path, place: "line \(line)",
                                          message: "a record longer than \(CSVReader.maxRecordBytes >> 20) MB (a quote left open, or not a CSV export)"))
        } catch {
            problems.append(ImportProblem(file: path, message: "cannot read the file (\(ReadFailure.reason(error)))"))
        }
        return problems
    }
}
