import Foundation

/// The list envelope of `InvestEnvelope.encode`, byte for byte, written one object at a time:
/// a listing of a million line items never holds them all (issue 15). The envelope around the
/// array comes from encoding it empty, with the stream's counts (`PrettyJSONFrame`); each object
/// is written by `PrettyJSON` where its kind has a writer, else by JSONEncoder a chunk at a time,
/// indented to its place.
public struct InvestEnvelopeStream<T: InvestObject> {
    public let count: Int
    private let frame: PrettyJSONFrame
    private let encoder = InvestEnvelope.encoder
    private var written = 0

    public init(count: Int) throws {
        self.count = count
        let empty = InvestEnvelope.ListResponse<T>(objects: [], count: count, startElement: 0, numElements: count)
        let document = String(decoding: try InvestEnvelope.encoder.encode(InvestEnvelope.Document(response: empty)), as: UTF8.self)
        frame = try PrettyJSONFrame(document: document, arrayKey: T.kind.pluralKey)
        let elementIndent = frame.arrayIndent + 2
        firstIndent = Array(String(repeating: " ", count: elementIndent).utf8)
        nextIndent = Array(",\n".utf8) + firstIndent
    }

    /// The text before the first object.
    public var start: String { frame.start(count: count) }

    /// Objects are encoded `chunkSize` at a time, as an array: JSONEncoder's set-up per call
    /// cost more than the encoding of one small object (46 µs a line item encoded alone).
    static var chunkSize: Int { 512 }
    private var pending: [T] = []

    /// Appends an object's text to `bytes` (with JSONEncoder, a chunk's when one is full).
    public mutating func append(_ object: T, to bytes: inout [UInt8]) throws {
        if let pretty = object as? any PrettyJSONRepresentable {
            var json = PrettyJSON(bytes: [], indent: firstIndent.count)
            swap(&json.bytes, &bytes)
            json.bytes.append(contentsOf: written == 0 ? firstIndent : nextIndent)
            pretty.writePrettyJSON(&json)
            swap(&json.bytes, &bytes)
            written += 1
            return
        }
        pending.append(object)
        if pending.count >= Self.chunkSize { bytes.append(contentsOf: try flushPending().utf8) }
    }

    private let firstIndent: [UInt8]
    private let nextIndent: [UInt8]

    private mutating func flushPending() throws -> String {
        guard !pending.isEmpty else { return "" }
        defer { written += pending.count; pending.removeAll(keepingCapacity: true) }
        return frame.elements(ofEncodedArray: String(decoding: try encoder.encode(pending), as: UTF8.self), first: written == 0)
    }

    /// The rest of the objects, then the text after the last one (and the final newline
    /// `--format json` prints).
    public mutating func end() throws -> String {
        try flushPending() + frame.end(count: count)
    }
}
