import Foundation

/// The rules of RULES.md §2 that a tracker's own fields must follow, checked without a database.
/// (Whether the line item, publisher, placement and payment rule exist and belong together, and
/// whether a code is already taken, the store checks: it has the catalog.)
public enum TrackerRules {
    public static let nameMaxLength = 255
    public static let codeMaxLength = 100

    /// Every issue with the draft's own fields, in the order of the dialog.
    public static func check(_ draft: TrackerDraft) -> [ValidationIssue] {
        check(draft, changedFrom: nil)
    }

    /// The issues of the fields the operator changed from `before` (every field of a new
    /// tracker): a value kept from Invest that breaks a rule is judged only when that field
    /// itself is edited (RULES.md §10).
    public static func check(_ draft: TrackerDraft, changedFrom before: TrackerDraft?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if before?.name != draft.name, let problem = nameProblem(draft.name) { issues.append(ValidationIssue(.name, problem)) }
        if before?.code != draft.code, let code = draft.code, let problem = codeProblem(code) { issues.append(ValidationIssue(.code, problem)) }
        if before?.state != draft.state, !draft.state.isDocumented {
            issues.append(ValidationIssue(.state, "expected active or inactive (got “\(TerminalSafe.clip(draft.state.rawValue, 30))”)"))
        }
        if before?.clickUrl != draft.clickUrl, let url = draft.clickUrl.map(LandingPageURL.trimmed), let problem = LandingPageURL.problem(url) {
            issues.append(ValidationIssue(.landingPageURL, problem))
        }
        if draft.lineItemId == nil { issues.append(ValidationIssue(.lineItem, "required: choose the line item whose clicks this tracker counts")) }
        if draft.publisherId == nil { issues.append(ValidationIssue(.publisher, "required: choose the publisher the clicks come from")) }
        return issues
    }

    /// The name as it is stored: surrounding white space trimmed.
    public static func normalizedName(_ name: String) -> String {
        FastTrim.whitespace(name)
    }

    /// A code as it is stored: trimmed, and nil when empty (no code).
    public static func normalizedCode(_ code: String?) -> String? {
        guard let code else { return nil }
        let trimmed = FastTrim.whitespace(code, newlines: false)
        guard !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A name made from another (a copy's "Copy of …"): control characters become spaces and it
    /// is cut to the length a name may have, so a copy of a tracker whose name Invest holds
    /// outside the rules is a tracker the rules accept.
    public static func acceptableName(_ raw: String) -> String {
        let scalars = raw.unicodeScalars.map { TextFieldRules.isForbiddenInName($0) ? " " : $0 }
        let cleaned = String(String.UnicodeScalarView(scalars))
        return FastTrim.whitespace(String(cleaned.prefix(nameMaxLength)))
    }

    public static func nameProblem(_ raw: String) -> String? {
        TextFieldRules.nameProblem(raw, max: nameMaxLength)
    }

    /// A code is optional; when given: at most 100 of `A–Z a–z 0–9 . _ -`.
    public static func codeProblem(_ raw: String) -> String? {
        guard let code = normalizedCode(raw) else { return nil }
        // Every allowed character is one ASCII byte: bytes count them once the bytes are known good.
        if code.utf8.allSatisfy({ $0 < 0x80 && isCodeScalar(Unicode.Scalar($0)) }) {
            return code.utf8.count > codeMaxLength ? "at most \(codeMaxLength) characters (got \(code.utf8.count))" : nil
        }
        if code.count > codeMaxLength { return "at most \(codeMaxLength) characters (got \(code.count))" }
        if let bad = code.unicodeScalars.first(where: { !isCodeScalar($0) }) {
            return "only letters A–Z a–z, digits 0–9 and . _ - are allowed (found \(bad.codePointLabel))"
        }
        return nil
    }

    static func isCodeScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    static func isForbiddenInName(_ s: Unicode.Scalar) -> Bool { TextFieldRules.isForbiddenInName(s) }
}

extension Unicode.Scalar {
    /// `U+0007`, for messages about characters that cannot be shown as themselves.
    var codePointLabel: String {
        let hex = String(value, radix: 16, uppercase: true)
        let printable = properties.generalCategory != .control && !properties.isWhitespace
            && properties.generalCategory != .format
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return printable ? "“\(Character(self))”" : code
    }
}
