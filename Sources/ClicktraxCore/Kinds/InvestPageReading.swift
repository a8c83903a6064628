import Foundation

/// What reading one page of Invest's objects found besides the objects (RULES.md §10): those that
/// could not be kept (skipped, named, the rest go on) and values left empty because they could
/// not be read as their type. One per page, on one thread: the decoder carries it in its
/// `userInfo`, and each object's decoding writes to it.
public final class InvestPageReading: @unchecked Sendable {
    public struct Note: Sendable, Equatable {
        public var field: String
        public var message: String
    }

    /// An object of the page that was not kept, and why.
    public struct Skipped: Sendable, Equatable, CustomStringConvertible {
        public var kind: ObjectKind
        /// Its place in the page's list (0-based).
        public var index: Int
        /// Its id as the page wrote it, when it had one.
        public var id: String?
        public var reason: String

        /// `line item 76064: name: 70,000 bytes…`, or `line item (record 17): id: missing`.
        public var description: String {
            "\(kind.noun) \(id.map { TerminalSafe.clip($0, 30) } ?? "(record \(index))"): \(reason)"
        }
    }

    /// Problems JSONStrictCheck found in records, by their index: such a record is skipped.
    var strictProblems: [Int: JSONStrictCheck.Problem] = [:]
    public private(set) var skipped: [Skipped] = []
    /// Values left empty, per object kept (its id).
    public private(set) var notes: [(id: Int64, notes: [Note])] = []
    private var current: [Note] = []

    public init() {}

    /// The notes as lines: `line item 5: revenue_value: not a number (“n/a”); left empty`.
    public var describedNotes: [String] {
        notes.flatMap { object in object.notes.map { "\(kind?.noun ?? "object") \(object.id): \($0.field): \($0.message)" } }
    }

    /// The kind of the page's objects, once one is read.
    var kind: ObjectKind?

    func note(_ field: String, _ message: String) { current.append(Note(field: field, message: message)) }

    func beginObject() { current = [] }

    func keep(id: Int64) {
        if !current.isEmpty { notes.append((id, current)) }
        current = []
    }

    func skip(_ kind: ObjectKind, index: Int, id: String?, reason: String) {
        skipped.append(Skipped(kind: kind, index: index, id: id, reason: reason))
        current = []
    }

    static let key = CodingUserInfoKey(rawValue: "clicktrax.investPageReading")!

    /// A decoder that reads objects as Invest has them, reporting here.
    func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[Self.key] = self
        return decoder
    }
}

extension Decoder {
    /// The page being read, when the object is Invest's (a pull, an imported API page).
    var investNotes: InvestPageReading? { userInfo[InvestPageReading.key] as? InvestPageReading }
}

/// One element of a page's list, decoded on its own: an element that cannot be kept is skipped
/// and named on the page's `InvestPageReading`, and the list goes on.
struct KeptObject<T: InvestObject>: Decodable {
    var object: T?

    init(from decoder: Decoder) throws {
        let index = decoder.codingPath.last?.intValue ?? 0
        let reading = decoder.investNotes
        if let problem = reading?.strictProblems[index] {
            // An id that is itself the problem does not name its object: the record's place does.
            reading?.skip(T.kind, index: index, id: problem.field == "id" ? nil : Self.probeID(decoder),
                          reason: [problem.field, problem.message].compactMap { $0 }.joined(separator: ": "))
            return
        }
        reading?.beginObject()
        reading?.kind = T.kind
        do {
            let object = try T(from: decoder)
            if let problem = InvestValues.idProblem(object.id) {
                reading?.skip(T.kind, index: index, id: String(object.id), reason: "id: \(problem)")
                return
            }
            reading?.keep(id: object.id)
            self.object = object
        } catch let problem as UnkeepableObject {
            reading?.skip(T.kind, index: index, id: Self.probeID(decoder), reason: problem.description)
        } catch {
            reading?.skip(T.kind, index: index, id: Self.probeID(decoder), reason: "not an object of the API (\(JSONErrorDescription.describe(error)))")
        }
    }

    /// The id of one streamed record's bytes, as written.
    static func probeID(_ data: Data) -> String? {
        try? JSONDecoder().decode(IDProbe.self, from: data).id
    }

    private struct IDProbe: Decodable {
        var id: String?
        init(from decoder: Decoder) throws { id = KeptObject.probeID(decoder) }
    }

    /// The element's id as written, to name it, whatever else is wrong with it.
    static func probeID(_ decoder: Decoder) -> String? {
        guard let c = try? decoder.container(keyedBy: DynamicKey.self) else { return nil }
        let key = DynamicKey("id")
        if let number = try? c.decode(Int64.self, forKey: key) { return String(number) }
        if let text = try? c.decode(String.self, forKey: key) { return text }
        return nil
    }
}
