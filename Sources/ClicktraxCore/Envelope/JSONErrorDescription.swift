import Foundation

/// Turns a `DecodingError` into one line naming the record and field, e.g.
/// `response.clicktrackers[3].publisher.id: expected a number`.
enum JSONErrorDescription {
    static func describe(_ error: Error) -> String {
        if let unkeepable = error as? UnkeepableObject { return unkeepable.description }
        guard let error = error as? DecodingError else { return "not valid JSON" }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(name(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field missing"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            let detail = underlying ?? context.debugDescription
            return context.codingPath.isEmpty ? "invalid JSON: \(detail)" : "\(path(context.codingPath)): \(detail)"
        @unknown default:
            return "not valid JSON"
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "(top level)" : text
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is Int32.Type, is UInt.Type, is UInt64.Type, is Float.Type: "a number"
        // Never a Swift type's name: the JSON words for what was expected.
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
