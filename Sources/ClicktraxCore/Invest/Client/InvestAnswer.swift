import Foundation

/// The `response` object of one answer, read as the docs warn it comes: an error is an
/// `error_id` in the body whatever the HTTP status (often 200); ids and counts may be numbers
/// or numeric strings (`"id": "1425"` after a PUT); paging fields may be null.
struct InvestAnswer: @unchecked Sendable {
    /// The `response` object (JSONSerialization values; read only, hence the unchecked Sendable).
    let response: [String: Any]
    let body: Data

    enum Outcome {
        case ok(InvestAnswer)
        /// An error envelope: `error_id`, `error`, `error_code`.
        case error(id: String, message: String, code: String?)
        /// Not JSON, cut off, or no `response` object.
        case unreadable(String)
    }

    static func read(_ body: Data, status: Int) -> Outcome {
        guard !body.isEmpty else { return .unreadable("an empty answer (HTTP \(status))") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: body)
        } catch {
            let start = String(decoding: body.prefix(60), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let what = start.hasPrefix("{") ? "JSON cut off or malformed" : "not JSON"
            return .unreadable("\(what) (HTTP \(status), \(body.count) bytes, starting “\(TerminalSafe.clip(start, 40))”)")
        }
        guard let top = object as? [String: Any], let response = top["response"] as? [String: Any] else {
            return .unreadable("no \"response\" object (HTTP \(status))")
        }
        if let errorId = response["error_id"] as? String, !errorId.isEmpty {
            let message = (response["error"] as? String) ?? (response["error_description"] as? String) ?? "(no message)"
            return .error(id: errorId, message: TerminalSafe.clip(message, 300), code: response["error_code"] as? String)
        }
        if let status = response["status"] as? String, status.uppercased() == "ERROR" {
            let errors = (response["errors"] as? [Any])?.compactMap { $0 as? String }.joined(separator: "; ")
            return .error(id: "ERROR", message: TerminalSafe.clip(errors ?? (response["error"] as? String) ?? "(no message)", 300),
                          code: response["error_code"] as? String)
        }
        return .ok(InvestAnswer(response: response, body: body))
    }

    /// An int, or a string holding one.
    static func integer(_ value: Any?) -> Int64? {
        switch value {
        case let number as NSNumber where !(number is Bool):
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 9e15 ? number.int64Value : nil
        case let text as String:
            return Int64(text.trimmingCharacters(in: .whitespaces))
        default:
            return nil
        }
    }

    func integer(_ key: String) -> Int64? { Self.integer(response[key]) }

    func string(_ key: String) -> String? { response[key] as? String }
}
