import Foundation

/// The list envelope of `InvestEnvelope.encode`, byte for byte, written one object at a time:
/// a listing of a million line items never holds them all (issue 15). The envelope around the
/// array comes from encoding it empty (with the stream's counts); each object is written by
/// `PrettyJSON` where its kind has a writer, else by JSONEncoder a chunk at a time, indented to
/// its place.
public struct InvestEnvelopeStream<T: InvestObject> {
    public let count: Int
    private let head: String
    private let tail: String
    /// What an empty array holds between its brackets (`[]` or `[\n\n    ]`, by Foundation).
    private let emptyBody: String
    private let encoder = InvestEnvelope.encoder
    private var written = 0

    public init(count: Int) throws {
        self.count = count
        let frame = InvestEnvelope.ListResponse<T>(objects: [], count: count, startElement: 0, numElements: count)
        let numbered = String(decoding: try InvestEnvelope.encoder.encode(InvestEnvelope.Document(response: frame)), as: UTF8.self)
        let marker = "\"\(T.kind.pluralKey)\" : ["
        guard let range = numbered.range(of: marker) else {
            throw ClicktraxError.operational("the JSON envelope has no \(T.kind.pluralKey) array")
        }
        let afterOpen = numbered[range.upperBound...]
        guard let close = afterOpen.firstIndex(of: "]") else {
            throw ClicktraxError.operational("the JSON envelope's \(T.kind.pluralKey) array is not closed")
        }
        head = String(numbered[..<range.upperBound])
        tail = String(numbered[afterOpen.index(after: close)...])
        emptyBody = String(afterOpen[..<close])
    }

    /// The text before the first object.
    public var start: String { count == 0 ? head + emptyBody : head + "\n" }

    /// Objects are encoded `chunkSize` at a time, as an array: JSONEncoder's set-up per call
    /// cost more than the encoding of one small object (46 µs a line item encoded alone).
    static var chunkSize: Int { 512 }
    private var pending: [T] = []

    /// Appends an object's text to `bytes` (with JSONEncoder, a chunk's when one is full).
    public mutating func append(_ object: T, to bytes: inout [UInt8]) throws {
        if let pretty = object as? any PrettyJSONRepresentable {
            var json = PrettyJSON(bytes: [], indent: 6)
            swap(&json.bytes, &bytes)
            json.bytes.append(contentsOf: written == 0 ? Self.firstIndent : Self.nextIndent)
            pretty.writePrettyJSON(&json)
            swap(&json.bytes, &bytes)
            written += 1
            return
        }
        pending.append(object)
        if pending.count >= Self.chunkSize { bytes.append(contentsOf: try flushPending().utf8) }
    }

    private static var firstIndent: [UInt8] { Array("      ".utf8) }
    private static var nextIndent: [UInt8] { Array(",\n      ".utf8) }

    private mutating func flushPending() throws -> String {
        guard !pending.isEmpty else { return "" }
        defer { written += pending.count; pending.removeAll(keepingCapacity: true) }
        // `[\n  {…},\n  {…}\n]` at two spaces: the elements' lines, indented to six.
        let array = String(decoding: try encoder.encode(pending), as: UTF8.self)
        let inner = array.dropFirst(2).dropLast(2)
        let indented = "    " + inner.replacingOccurrences(of: "\n", with: "\n    ")
        return written == 0 ? indented : ",\n" + indented
    }

    /// The rest of the objects, then the text after the last one (and the final newline
    /// `--format json` prints).
    public mutating func end() throws -> String {
        let rest = try flushPending()
        return rest + (count == 0 ? "" : "\n" + String(repeating: " ", count: 4)) + "]" + tail + "\n"
    }
}
