import Foundation

/// One page of a list answer: the objects under their kind's plural key (or the singular one,
/// which some services use even for lists) and `count`, an int, a numeric string or null.
struct InvestListPage<T: InvestObject>: Decodable {
    var count: Int?
    var objects: [T]

    private enum Top: String, CodingKey { case response }

    init(from decoder: Decoder) throws {
        let keys = (T.kind.pluralKey, T.kind.singularKey)
        let response = try decoder.container(keyedBy: Top.self).nestedContainer(keyedBy: DynamicKey.self, forKey: .response)
        if let number = try? response.decodeIfPresent(Int.self, forKey: DynamicKey("count")) {
            count = number
        } else if let text = try? response.decodeIfPresent(String.self, forKey: DynamicKey("count")) {
            count = Int(text)
        }
        if response.contains(DynamicKey(keys.0)), try !response.decodeNil(forKey: DynamicKey(keys.0)) {
            objects = try response.decode([T].self, forKey: DynamicKey(keys.0))
        } else if response.contains(DynamicKey(keys.1)), try !response.decodeNil(forKey: DynamicKey(keys.1)) {
            objects = [try response.decode(T.self, forKey: DynamicKey(keys.1))]
        } else {
            objects = []
        }
    }

    static func decode(_ data: Data, list: String) throws -> InvestListPage<T> {
        // The same strictness as an import file's: an id `1e3` or a key twice is not guessed at.
        if let problem = JSONStrictCheck.firstProblem(in: data) {
            let place = [problem.place, problem.field].compactMap { $0 }.joined(separator: ": ")
            throw InvestError.badResponse(service: list, detail: (place.isEmpty ? "" : place + ": ") + problem.message)
        }
        do {
            return try JSONDecoder().decode(Self.self, from: data)
        } catch {
            throw InvestError.badResponse(service: list, detail: JSONErrorDescription.describe(error))
        }
    }
}
