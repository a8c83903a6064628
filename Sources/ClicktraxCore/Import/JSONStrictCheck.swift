import Foundation

/// What Foundation's `JSONDecoder` lets through and a reader of Invest's pages must not, found
/// in one pass over the bytes before they are decoded:
/// - an id written `1e3`, `2.0` or `-4` (the decoder turns the first two into whole numbers) —
///   any member named `id` or `…_id` written as a number must be digits, as the API writes them;
/// - a key twice in one object (the decoder keeps one of them without a word);
/// - a string longer than `maxStringBytes` (fail fast: a 50 MB name is not decoded to be refused);
/// - nesting deeper than `maxDepth`, and two kinds of object in one response (the decoder would
///   take one).
/// A problem inside one record of the page (`response.<kind>[i]`) is that record's: the record
/// is skipped and named, the others are kept (RULES.md §10: one odd object never stops a pull). A
/// problem of the page itself (nesting, two kinds) refuses the page. It does not judge the
/// syntax — the decoder does, and says where. When the bytes are not JSON it can follow, it
/// stops and leaves the verdict to the decoder.
struct JSONStrictCheck {
    struct Problem: Equatable {
        var place: String?
        var field: String?
        var message: String
    }

    /// What one pass found: a problem of the page (nil: none), and the first problem of each
    /// record that has one, by its index.
    struct Findings {
        var page: Problem?
        var records: [Int: Problem] = [:]
    }

    static let maxStringBytes = 1 << 20
    static let maxDepth = 64

    /// `record`: the index of one streamed element (the bytes are that record, and any problem
    /// is its own), or nil for a whole page, whose records are found under `response.<kind>[i]`.
    static func check(_ data: Data, record: Int? = nil) -> Findings {
        data.withUnsafeBytes { raw in
            var scan = JSONStrictCheck(bytes: raw.bindMemory(to: UInt8.self), record: record)
            scan.run()
            return scan.findings
        }
    }

    static func check(_ bytes: [UInt8], record: Int? = nil) -> Findings {
        bytes.withUnsafeBufferPointer { buffer in
            var scan = JSONStrictCheck(bytes: buffer, record: record)
            scan.run()
            return scan.findings
        }
    }

    /// The first problem of one streamed record.
    static func firstProblem(in bytes: [UInt8], record: Int) -> Problem? {
        let found = check(bytes, record: record)
        return found.page ?? found.records[record]
    }

    private enum Frame {
        case object(keys: Set<String>, key: String?)
        case array(index: Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let record: Int?
    private var at = 0
    private var stack: [Frame] = []
    private var findings = Findings()

    /// Keeps a record's first problem and goes on; a problem outside any record is the page's,
    /// and ends the pass (false).
    private mutating func report(_ problem: Problem, index: Int?) -> Bool {
        if let index {
            if findings.records[index] == nil { findings.records[index] = problem }
            return true
        }
        findings.page = problem
        return false
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, record: Int?) {
        self.bytes = bytes
        self.record = record
    }

    private mutating func run() {
        // A UTF-8 byte order mark before the page is no part of it.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { at = 3 }
        var expectingKey = false
        while at < bytes.count {
            let byte = bytes[at]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":"):
                at += 1
            case UInt8(ascii: ","):
                at += 1
                if case .array(let index)? = stack.last { stack[stack.count - 1] = .array(index: index + 1) }
                if case .object? = stack.last { expectingKey = true }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                // Too deep is the page's problem wherever it is: the decoder must not be handed it.
                if stack.count >= Self.maxDepth {
                    findings.page = problem("nested more than \(Self.maxDepth) levels deep").0
                    return
                }
                stack.append(byte == UInt8(ascii: "{") ? .object(keys: [], key: nil) : .array(index: 0))
                expectingKey = byte == UInt8(ascii: "{")
                at += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard !stack.isEmpty else { return }
                stack.removeLast()
                expectingKey = false
                at += 1
            case UInt8(ascii: "\""):
                let start = at + 1
                guard let end = stringEnd(from: start) else { return }
                if end - start > Self.maxStringBytes {
                    let (found, index) = problem("a text of \(end - start) bytes: at most \(Self.maxStringBytes) (1 MB) is read")
                    guard report(found, index: index) else { return }
                }
                at = end + 1
                if expectingKey {
                    expectingKey = false
                    guard let key = text(start, end) else { return }
                    if let (found, index) = noteKey(key) {
                        guard report(found, index: index) else { return }
                    }
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = at
                var digitsOnly = true
                while at < bytes.count, Self.isNumberByte(bytes[at]) {
                    if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { digitsOnly = false }
                    at += 1
                }
                if !digitsOnly, let key = currentKey, Self.isIDKey(key) {
                    let written = String(decoding: bytes[start..<min(at, start + 40)], as: UTF8.self)
                    let (found, index) = problem("an id must be a whole number from 1 to \(InvestIDs.maxID) written as digits (got \(written))")
                    guard report(found, index: index) else { return }
                }
            default:
                // true, false, null — or something the decoder will name.
                at += 1
            }
        }
    }

    /// Remembers an object's key; a key it already has is a problem.
    private mutating func noteKey(_ key: String) -> (Problem, Int?)? {
        // Taken off the stack to be changed: the set then has one owner and grows in place (a
        // copy per key made a big page's import a fifth slower).
        guard case .object(var keys, _)? = stack.last else { return nil }
        stack[stack.count - 1] = .array(index: 0)
        if !keys.insert(key).inserted {
            stack[stack.count - 1] = .object(keys: keys, key: key)
            return problem("the key “\(TerminalSafe.clip(key, 60))” appears twice in one object (which one counts is anybody's guess)")
        }
        stack[stack.count - 1] = .object(keys: keys, key: key)
        if record == nil, stack.count == 2, topKey == "response", let kind = ObjectKind.named(key),
           let other = keys.lazy.filter({ $0 != key }).compactMap(ObjectKind.named).first(where: { $0 != kind }) {
            return problem("the response holds both \(other.pluralKey) and \(kind.pluralKey): one kind of object per file")
        }
        return nil
    }

    private var topKey: String? {
        guard case .object(_, let key)? = stack.first else { return nil }
        return key
    }

    private var currentKey: String? {
        guard case .object(_, let key)? = stack.last else { return nil }
        return key
    }

    /// The index of the closing quote of the string starting at `start`.
    private func stringEnd(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index
            default: index += 1
            }
        }
        return nil
    }

    /// A key's text, its escapes resolved (`"i\u0064"` is `id`).
    private func text(_ start: Int, _ end: Int) -> String? {
        let slice = bytes[start..<end]
        guard slice.contains(UInt8(ascii: "\\")) else { return String(decoding: slice, as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data(bytes[(start - 1)...end]))
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    static func isIDKey(_ key: String) -> Bool { key == "id" || key.hasSuffix("_id") }

    /// The problem at the current place: `record 3` and its field in a page, else the path;
    /// and the index of the record it is in, if any.
    private func problem(_ message: String) -> (Problem, Int?) {
        var path: [String] = []
        var recordIndex = record
        for (depth, frame) in stack.enumerated() {
            switch frame {
            case .object(_, let key):
                if let key { path.append(key) }
            case .array(let index):
                // A page's record: the element of the list under response.<kind>.
                if record == nil && depth == 2 && path.count == 2 && path[0] == "response" {
                    recordIndex = index
                    path = []
                } else {
                    path.append("[\(index)]")
                }
            }
        }
        let field = path.isEmpty ? nil : TerminalSafe.clip(path.joined(separator: ".").replacingOccurrences(of: ".[", with: "["), 120)
        return (Problem(place: recordIndex.map { "record \($0)" }, field: field, message: message), recordIndex)
    }
}

extension ObjectKind {
    /// The kind a response key names, plural (`line-items`) or singular (`line-item`).
    static func named(_ key: String) -> ObjectKind? {
        allCases.first { $0.pluralKey == key || $0.singularKey == key }
    }
}
