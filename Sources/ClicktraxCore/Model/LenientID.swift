/// Ids as the Invest API sends them: a number, or — after a PUT, in the Lookup Service, in some
/// member examples — a string holding one (INVEST-API.md §6.4). Both decode to the same id.
extension KeyedDecodingContainer {
    func decodeID(forKey key: Key) throws -> Int64 {
        do {
            return try decode(Int64.self, forKey: key)
        } catch let mismatch as DecodingError {
            // Not a number: a string holding one will do; anything else is the number's error.
            guard let text = try? decode(String.self, forKey: key),
                  let number = Int64(text.trimmingCharacters(in: .whitespaces)) else { throw mismatch }
            return number
        }
    }

    func decodeIDIfPresent(forKey key: Key) throws -> Int64? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeID(forKey: key)
    }
}
