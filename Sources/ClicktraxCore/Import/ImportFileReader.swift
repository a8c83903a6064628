import Foundation

/// Reads one import file — an Invest API response page (JSON) or a CSV with a header row — into
/// records, or problems naming the file, the line or record, and the field.
struct ImportFileReader {
    let path: String
    /// The publisher of payment rules whose JSON carries none (`--publisher`).
    let publisherForPaymentRules: Int64?
    /// The kind of a CSV file whose header does not say (`--kind`).
    let csvKind: ObjectKind?

    func read() -> (records: [ImportRecord], problems: [ImportProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [ImportProblem(file: path, message: "cannot read the file (missing, or not readable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ([], [ImportProblem(file: path, message: "not UTF-8 text: save it as UTF-8 (CSV from a spreadsheet: “CSV UTF-8”)")])
        }
        let start = text.unicodeScalars.first { !$0.properties.isWhitespace }
        if start == "{" || start == "[" { return readJSON(data) }
        if start == nil { return ([], [ImportProblem(file: path, message: "the file is empty")]) }
        return readCSV(text)
    }

    // MARK: JSON

    func readJSON(_ data: Data) -> ([ImportRecord], [ImportProblem]) {
        let top: Any
        do {
            top = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            return ([], [ImportProblem(file: path, message: "not valid JSON (truncated?): \(detail)")])
        }
        guard let response = (top as? [String: Any])?["response"] as? [String: Any] else {
            return ([], [ImportProblem(file: path, message: "no \"response\" object: not an Invest API response page")])
        }
        if let error = response["error"] {
            return ([], [ImportProblem(file: path, message: "the API answered an error: \(response["error_id"] ?? "ERROR"): \(error)")])
        }
        guard let kind = ObjectKind.allCases.first(where: { response[$0.pluralKey] != nil || response[$0.singularKey] != nil }) else {
            let known = ObjectKind.allCases.map(\.pluralKey).joined(separator: ", ")
            return ([], [ImportProblem(file: path, message: "no objects in the response (expected one of: \(known))")])
        }
        do {
            switch kind {
            case .advertiser: return (try decode(Advertiser.self, data).map { wrap(.advertiser($0.0), $0.1) }, [])
            case .publisher: return (try decode(Publisher.self, data).map { wrap(.publisher($0.0), $0.1) }, [])
            case .lineItem: return (try decode(LineItem.self, data).map { wrap(.lineItem($0.0), $0.1) }, [])
            case .placement: return (try decode(Placement.self, data).map { wrap(.placement($0.0), $0.1) }, [])
            case .paymentRule:
                var problems: [ImportProblem] = []
                let records = try decode(PaymentRule.self, data).compactMap { rule, place -> ImportRecord? in
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
            case .clickTracker:
                return (try decode(ClickTracker.self, data).map {
                    wrap(.tracker($0.0, draft: $0.0.draft, id: $0.0.id, memberId: $0.0.memberId), $0.1)
                }, [])
            }
        } catch let error as ClicktraxError {
            // The decoder names the record and field: "response.line-items[3].id: expected a number".
            var message = error.description
            if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
            return ([], [ImportProblem(file: path, message: message)])
        } catch {
            return ([], [ImportProblem(file: path, message: "\(error)")])
        }
    }

    /// The page is already known to be a well-formed response of this kind: one decoding pass.
    func decode<T: InvestObject>(_ type: T.Type, _ data: Data) throws -> [(T, String)] {
        try InvestEnvelope.decodeObjects(type, from: data, source: path).enumerated().map { ($0.element, "record \($0.offset)") }
    }

    func wrap(_ object: ImportRecord.Object, _ place: String) -> ImportRecord {
        ImportRecord(object: object, file: path, place: place)
    }

    // MARK: CSV

    func readCSV(_ text: String) -> ([ImportRecord], [ImportProblem]) {
        var reader = CSVReader(text: text)
        var records: [ImportRecord] = []
        var problems: [ImportProblem] = []
        do {
            guard let header = try reader.next() else { return ([], [ImportProblem(file: path, message: "the file is empty")]) }
            let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let kind = csvKind ?? CSVColumns.kind(of: columns, path: path) else {
                return ([], [ImportProblem(file: path, place: "line 1",
                                           message: "cannot tell which objects these columns are (\(columns.joined(separator: ","))): name them with --kind")])
            }
            if let problem = CSVColumns.missingRequired(kind: kind, columns: columns) {
                return ([], [ImportProblem(file: path, place: "line 1", message: problem)])
            }
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.isEmpty }) { continue }
                let place = "line \(row.line)"
                var values: [String: String] = [:]
                for (index, column) in columns.enumerated() where index < row.fields.count { values[column] = row.fields[index] }
                if row.fields.count != columns.count {
                    problems.append(ImportProblem(file: path, place: place, message: "\(row.fields.count) fields, but the header has \(columns.count)"))
                    continue
                }
                do {
                    records.append(wrap(try CSVColumns.object(kind: kind, values, publisherForPaymentRules: publisherForPaymentRules), place))
                } catch let problem as CSVColumns.FieldProblem {
                    problems.append(ImportProblem(file: path, place: place, field: problem.field, message: problem.message))
                }
            }
        } catch CSVReader.Failure.unterminatedQuote(let line) {
            problems.append(ImportProblem(file: path, place: "line \(line)", message: "a quoted field never ends (truncated file?)"))
        } catch {
            problems.append(ImportProblem(file: path, message: "\(error)"))
        }
        return (records, problems)
    }
}
