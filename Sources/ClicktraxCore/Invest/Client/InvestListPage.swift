import Foundation

/// One page of a list answer: the objects under their kind's plural key (or the singular one,
/// which some services use even for lists) and `count`, an int, a numeric string or null.
/// Objects are read as Invest has them; one that cannot be kept is skipped and named in
/// `reading`, and the rest of the page is kept (RULES.md §10).
struct InvestListPage<T: InvestObject>: Decodable {
    var count: Int?
    var objects: [T]
    /// What was skipped or left empty (set by `decode`).
    var reading = InvestPageReading()

    private enum Top: String, CodingKey { case response }

    init(from decoder: Decoder) throws {
        let keys = (T.kind.pluralKey, T.kind.singularKey)
        let response = try decoder.container(keyedBy: Top.self).nestedContainer(keyedBy: DynamicKey.self, forKey: .response)
        // A count is a hint of the list's size (it sizes the progress bar and the paging), kept
        // within what a list can hold: 2^63−1 must not overflow the arithmetic made with it.
        let countKey = DynamicKey("count")
        if let number = try? response.decodeIfPresent(Double.self, forKey: countKey) {
            count = number.isFinite && number >= 0 ? Int(min(number, Double(Self.maxCount))) : nil
        } else if let text = try? response.decodeIfPresent(String.self, forKey: countKey), let number = InvestValues.wholeNumber(text) {
            count = Int(min(number, Int64(Self.maxCount)))
        }
        if response.contains(DynamicKey(keys.0)), try !response.decodeNil(forKey: DynamicKey(keys.0)) {
            objects = try response.decode([KeptObject<T>].self, forKey: DynamicKey(keys.0)).compactMap(\.object)
        } else if response.contains(DynamicKey(keys.1)), try !response.decodeNil(forKey: DynamicKey(keys.1)) {
            objects = [try response.decode(KeptObject<T>.self, forKey: DynamicKey(keys.1))].compactMap(\.object)
        } else {
            objects = []
        }
    }

    /// The most objects a list is believed to hold: far past any member's catalog.
    static var maxCount: Int { 100_000_000 }

    static func decode(_ data: Data, list: String) throws -> InvestListPage<T> {
        // The same strictness as an import file's: an id `1e3` or a key twice is not guessed at.
        // In one record it skips that record; in the page itself it refuses the page.
        let findings = JSONStrictCheck.check(data)
        if let problem = findings.page {
            let place = [problem.place, problem.field].compactMap { $0 }.joined(separator: ": ")
            throw InvestError.badResponse(service: list, detail: (place.isEmpty ? "" : place + ": ") + problem.message)
        }
        let reading = InvestPageReading()
        reading.strictProblems = findings.records
        do {
            var page = try reading.decoder().decode(Self.self, from: data)
            page.reading = reading
            // A byte that is not UTF-8 fails the object it is in: the page's encoding is at fault.
            if !reading.skipped.isEmpty || !reading.notes.isEmpty, String(data: data, encoding: .utf8) == nil {
                throw InvestError.badResponse(service: list, detail: "not UTF-8 text")
            }
            return page
        } catch let error as InvestError {
            throw error
        } catch {
            throw InvestError.badResponse(service: list, detail: JSONErrorDescription.describe(error))
        }
    }
}
