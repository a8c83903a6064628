/// JSON text exactly as `InvestEnvelope.encoder` (Foundation's JSONEncoder, pretty-printed,
/// sorted keys, slashes unescaped) writes it, for the objects a listing streams by the million:
/// JSONEncoder took 40 µs a line item, whatever the batch. `InvestEnvelopeStreamTests` holds
/// the two to the same bytes.
///
/// Written straight into one string, no value tree: fields must be given in JSONEncoder's
/// order — keys sorted by their bytes.
public struct PrettyJSON {
    public var bytes: [UInt8]
    private var indent: Int
    private var first = true

    init(bytes: [UInt8], indent: Int) {
        self.bytes = bytes
        self.indent = indent
    }

    private mutating func spaces() { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent)) }
    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        indent += 2
        first = true
    }

    mutating func endObject() {
        indent -= 2
        append(first ? "\n\n" : "\n")
        spaces()
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    private mutating func key(_ key: StaticString) {
        append(first ? "\n" : ",\n")
        first = false
        spaces()
        bytes.append(UInt8(ascii: "\""))
        append(key)
        append("\" : ")
    }

    mutating func field(_ name: StaticString, _ value: Int64?) {
        key(name)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { append("null") }
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        key(name)
        guard let value else { append("null"); return }
        // JSONEncoder writes a Double's description without a trailing ".0".
        let description = value.description
        bytes.append(contentsOf: (description.hasSuffix(".0") ? String(description.dropLast(2)) : description).utf8)
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { Self.writeString(value, into: &bytes) } else { append("null") }
    }

    /// A field of a described kind (`ObjectDescriptor`), its key given as text.
    mutating func field(_ name: String, _ value: FieldValue) {
        append(first ? "\n" : ",\n")
        first = false
        spaces()
        Self.writeString(name, into: &bytes)
        append(" : ")
        switch value {
        case .null: append("null")
        case .text(let text): Self.writeString(text, into: &bytes)
        case .integer(let number): bytes.append(contentsOf: String(number).utf8)
        case .real(let number):
            let description = number.description
            bytes.append(contentsOf: (description.hasSuffix(".0") ? String(description.dropLast(2)) : description).utf8)
        }
    }

    mutating func field(_ name: StaticString, _ value: ObjectRef?) {
        key(name)
        guard let value else { append("null"); return }
        beginObject()
        field("id", value.id)
        field("name", value.name)
        endObject()
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A string as JSONEncoder escapes it: quote, backslash and C0 controls; nothing else.
    static func writeString(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
                case 0..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// An object a listing can write without JSONEncoder: the same keys and values its
/// `encode(to:)` writes, in sorted order.
public protocol PrettyJSONRepresentable {
    func writePrettyJSON(_ json: inout PrettyJSON)
}

extension Tracker: PrettyJSONRepresentable {
    public func writePrettyJSON(_ json: inout PrettyJSON) {
        json.beginObject()
        json.field("advertiser_id", advertiserId)
        if kind == .click { json.field("click_url", clickUrl) }
        json.field("code", code)
        json.field("id", id)
        json.field("last_modified", lastModified)
        json.field("line_item", lineItem)
        json.field("member_id", memberId)
        json.field("name", name)
        json.field("payment_rule", paymentRule)
        json.field("publisher", publisher)
        json.field("state", state.rawValue)
        json.field("tag", tag)
        json.endObject()
    }
}
