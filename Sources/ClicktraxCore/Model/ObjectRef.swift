/// A reference to another object as the Invest API nests it in a tracker: `{"id": 1, "name": "…"}`.
public struct ObjectRef: Codable, Sendable, Equatable, Hashable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    private enum CodingKeys: String, CodingKey { case id, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeID(forKey: .id)
        // The API always sends the name, but a hand-written import file may leave it out:
        // the id is what counts, the store fills the name in from the catalog.
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
    }
}
