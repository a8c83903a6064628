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
        id = try c.investID(forKey: .id)
        // The API always sends the name, but a hand-written import file may leave it out:
        // the id is what counts, the store fills the name in from the catalog.
        name = try c.investText(forKey: .name, notes: decoder.investNotes) ?? ""
    }
}

extension KeyedDecodingContainer {
    /// A reference as a tracker nests it: `{"id": 1, "name": "…"}`, or null. The docs type `tag`
    /// and `payment_rule` as arrays while every example has an object: a list of one is taken as
    /// its object, an empty list as none. A required one (line item, publisher) that is missing
    /// or unreadable makes the tracker unkeepable; an optional one is left empty and noted.
    func investReference(forKey key: Key, required: Bool = false, notes: InvestPageReading?) throws -> ObjectRef? {
        let problem: UnkeepableObject
        if try !contains(key) || decodeNil(forKey: key) {
            guard required else { return nil }
            problem = UnkeepableObject(field: key.stringValue, reason: "missing")
        } else {
            do {
                return try decode(ObjectRef.self, forKey: key)
            } catch let unusable as UnkeepableObject {
                problem = UnkeepableObject(field: "\(key.stringValue).\(unusable.field)", reason: unusable.reason)
            } catch {
                if let list = try? decode([ObjectRef].self, forKey: key), list.count <= 1 { return list.first }
                problem = UnkeepableObject(field: key.stringValue, reason: "not a reference {\"id\": …}")
            }
        }
        if required { throw problem }
        notes?.note(problem.field, problem.reason + "; left empty")
        return nil
    }

    /// A reference the object cannot be kept without (a tracker's line item and publisher).
    func investRequiredReference(forKey key: Key, notes: InvestPageReading?) throws -> ObjectRef {
        guard let reference = try investReference(forKey: key, required: true, notes: notes) else {
            throw UnkeepableObject(field: key.stringValue, reason: "missing")
        }
        return reference
    }
}
