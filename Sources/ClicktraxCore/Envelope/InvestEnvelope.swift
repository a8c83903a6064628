import Foundation

/// The Invest API's response envelope (RULES.md §2), which `--format json` prints and `import`
/// reads back:
/// `{"response": {"status": "OK", "count": N, "start_element": 0, "num_elements": N, "clicktrackers": […]}}`.
public enum InvestEnvelope {
    /// One document holding `objects` under the kind's plural key. `count` is the total the
    /// API would report (the objects shown when nothing was left out).
    public static func encode<T: InvestObject>(_ objects: [T], count: Int? = nil, startElement: Int = 0) throws -> Data {
        let body = ListResponse(objects: objects, count: count ?? objects.count, startElement: startElement, numElements: objects.count)
        return try encoder.encode(Document(response: body))
    }

    /// One object under the kind's singular key, as the API answers `GET /clicktracker?id=`.
    public static func encode<T: InvestObject>(single object: T) throws -> Data {
        try encoder.encode(Document(response: SingleResponse(object: object)))
    }

    /// The objects of kind `T` in a document, list or single. An error envelope throws its
    /// message; a document of another kind is an error naming both kinds.
    public static func decode<T: InvestObject>(_ type: T.Type, from data: Data, source: String) throws -> [T] {
        let top: [String: AnyDecodable]
        do {
            top = try JSONDecoder().decode([String: AnyDecodable].self, from: data)
        } catch {
            throw ClicktraxError.badInput("\(source): not a JSON object (\(JSONErrorDescription.describe(error)))")
        }
        guard top["response"] != nil else {
            throw ClicktraxError.badInput("\(source): no \"response\" object: not an Invest API response")
        }
        do {
            let document = try JSONDecoder().decode(DecodedDocument<T>.self, from: data)
            if let error = document.response.error {
                throw ClicktraxError.badInput("\(source): the API answered an error: \(document.response.errorId ?? "ERROR"): \(error)")
            }
            guard let objects = document.response.objects else {
                throw ClicktraxError.badInput("\(source): no \"\(T.kind.pluralKey)\" or \"\(T.kind.singularKey)\" in the response")
            }
            return objects
        } catch let error as ClicktraxError {
            throw error
        } catch {
            throw ClicktraxError.badInput("\(source): \(JSONErrorDescription.describe(error))")
        }
    }

    /// The objects of a document already known to be a response page: no shape pre-check.
    static func decodeObjects<T: InvestObject>(_ type: T.Type, from data: Data, source: String) throws -> [T] {
        do {
            return try JSONDecoder().decode(DecodedDocument<T>.self, from: data).response.objects ?? []
        } catch {
            throw ClicktraxError.badInput("\(source): \(JSONErrorDescription.describe(error))")
        }
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        // Sorted keys: Foundation on Linux does not keep encoding order, and a stable order makes
        // exports diff cleanly.
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    struct Document<Body: Encodable>: Encodable {
        var response: Body
    }

    struct ListResponse<T: InvestObject>: Encodable {
        var objects: [T]
        var count: Int
        var startElement: Int
        /// The objects in this document: `objects.count`, or the whole stream's for the frame
        /// `InvestEnvelopeStream` writes its objects into.
        var numElements: Int

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: DynamicKey.self)
            try c.encode("OK", forKey: DynamicKey("status"))
            try c.encode(count, forKey: DynamicKey("count"))
            try c.encode(startElement, forKey: DynamicKey("start_element"))
            try c.encode(numElements, forKey: DynamicKey("num_elements"))
            try c.encode(objects, forKey: DynamicKey(T.kind.pluralKey))
        }
    }

    struct SingleResponse<T: InvestObject>: Encodable {
        var object: T

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: DynamicKey.self)
            try c.encode("OK", forKey: DynamicKey("status"))
            try c.encode(object, forKey: DynamicKey(T.kind.singularKey))
        }
    }

    struct DecodedDocument<T: InvestObject>: Decodable {
        var response: DecodedResponse<T>
    }

    struct DecodedResponse<T: InvestObject>: Decodable {
        var objects: [T]?
        var error: String?
        var errorId: String?

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: DynamicKey.self)
            error = try c.decodeIfPresent(String.self, forKey: DynamicKey("error"))
            errorId = try c.decodeIfPresent(String.self, forKey: DynamicKey("error_id"))
            if error != nil { return }
            if c.contains(DynamicKey(T.kind.pluralKey)) {
                objects = try c.decode([T].self, forKey: DynamicKey(T.kind.pluralKey))
            } else if c.contains(DynamicKey(T.kind.singularKey)) {
                objects = [try c.decode(T.self, forKey: DynamicKey(T.kind.singularKey))]
            }
        }
    }
}

/// A coding key made at run time: the envelope's keys depend on the object kind.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Decodes any JSON value and ignores it: to check a document's shape before decoding it.
struct AnyDecodable: Decodable {
    init(from decoder: Decoder) throws {}
}
