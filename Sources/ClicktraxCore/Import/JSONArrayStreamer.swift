import Foundation

/// Reads a big Invest API page in chunks and hands out the elements of its object list
/// (`{"response": {…, "line-items": [ {…}, {…} ]}}`) one at a time, so memory holds a chunk and
/// one element however many there are. Anything it does not expect (an error envelope, a single
/// object, no list) it leaves to the whole-file reader by answering `.notAList`.
struct JSONArrayStreamer {
    enum Outcome: Equatable {
        case done, notAList, truncated
        /// The response's own keys say the file is not one list: a key twice, two kinds of object.
        case refused(String)
    }

    private let handle: FileHandle
    static let chunkSize = 1 << 20

    init(handle: FileHandle) { self.handle = handle }

    /// Calls `element(kind, bytes, index)` for each element of the response's list.
    func stream(_ element: (ObjectKind, [UInt8], Int) throws -> Void) throws -> Outcome {
        var depth = 0
        var inString = false
        var escaped = false
        var keyBytes: [UInt8] = []
        var capturingKey = false
        var expectingKey = false
        var lastKey = ""
        var responseKeys: Set<String> = []
        var sawResponse = false
        var listKind: ObjectKind?
        var listDepth = -1
        var elementBytes: [UInt8] = []
        var inElement = false
        var index = 0

        while true {
            let chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if chunk.isEmpty { break }
            for byte in chunk {
                if inElement { elementBytes.append(byte) }
                if inString {
                    if escaped { escaped = false }
                    else if byte == UInt8(ascii: "\\") { escaped = true }
                    else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if capturingKey {
                            capturingKey = false
                            lastKey = String(decoding: keyBytes, as: UTF8.self)
                            if depth == 2 {
                                if !responseKeys.insert(lastKey).inserted {
                                    return .refused("the key “\(TerminalSafe.clip(lastKey, 60))” appears twice in the response")
                                }
                                if let kind = ObjectKind.named(lastKey),
                                   let other = responseKeys.compactMap(ObjectKind.named).first(where: { $0 != kind }) {
                                    return .refused("the response holds both \(other.pluralKey) and \(kind.pluralKey): one kind of object per file")
                                }
                            }
                        }
                    } else if capturingKey {
                        keyBytes.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    if expectingKey && !inElement && (depth == 1 || depth == 2) {
                        capturingKey = true
                        expectingKey = false
                        keyBytes.removeAll(keepingCapacity: true)
                    }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    if byte == UInt8(ascii: "{") && (depth == 1 || depth == 2) {
                        expectingKey = true
                        if depth == 2 {
                            guard lastKey == "response" else { return .notAList }
                            sawResponse = true
                        }
                    }
                    if byte == UInt8(ascii: "[") && depth == 3 && sawResponse {
                        guard let kind = ObjectKind.allCases.first(where: { $0.pluralKey == lastKey }) else { return .notAList }
                        listKind = kind
                        listDepth = 3
                    } else if byte == UInt8(ascii: "{") && depth == 3 && sawResponse {
                        return .notAList // a single object, or something else: small enough to read whole
                    } else if byte == UInt8(ascii: "{") && listKind != nil && depth == listDepth + 1 && !inElement {
                        inElement = true
                        elementBytes = [byte]
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if inElement && depth == listDepth + 1 {
                        inElement = false
                        try element(listKind!, elementBytes, index)
                        index += 1
                        elementBytes.removeAll(keepingCapacity: true)
                    }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 1 || depth == 2 { expectingKey = true }
                default:
                    break
                }
                if depth == 2 && lastKey == "error" && sawResponse { return .notAList }
            }
        }
        if depth != 0 || inString { return .truncated }
        return listKind == nil ? .notAList : .done
    }
}
