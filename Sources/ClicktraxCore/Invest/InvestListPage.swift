import Foundation

/// One page of a list answer: the objects under the plural key (or the singular one, which
/// some services use even for lists) and `count`, an int, a numeric string or null.
struct InvestListPage<T: Decodable>: Decodable {
    var count: Int?
    var objects: [T]

    static var keysInfo: CodingUserInfoKey { CodingUserInfoKey(rawValue: "investListKeys")! }

    private enum Top: String, CodingKey { case response }

    init(from decoder: Decoder) throws {
        let keys = decoder.userInfo[Self.keysInfo] as? (String, String) ?? ("", "")
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

    static func decode(_ data: Data, plural: String, singular: String, list: String) throws -> InvestListPage<T> {
        let decoder = JSONDecoder()
        decoder.userInfo[keysInfo] = (plural, singular)
        do {
            return try decoder.decode(Self.self, from: data)
        } catch {
            throw InvestError.badResponse(service: list, detail: JSONErrorDescription.describe(error))
        }
    }
}
