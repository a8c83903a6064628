/// A rule of RULES.md §2 for one field: what an operator may type or change — in the dialog, on the
/// command line, in their own CSV rows. It never refuses what Invest holds (RULES.md §10): a pulled
/// value that breaks it is stored as it is, counted (`LegacyValues`), and judged again only when
/// that field itself is edited.
public enum InputRule: Sendable, Equatable {
    /// Required; at most `max` characters; no control characters or line separators.
    case name(max: Int)
    /// A line item's or a tracker's code: at most 100 of `A–Z a–z 0–9 . _ -` (Invest's rule).
    case investCode
    /// Another kind's code: at most `max` characters, no control or format characters.
    case plain(max: Int)
    /// A word of a vocabulary the API defines (`standard_v2`, `cpm`): letters, digits, `_`, `-`.
    case token
    /// ISO 4217: three letters.
    case currency
    /// `YYYY-MM-DD HH:MM:SS`; `dateAlone` also takes `YYYY-MM-DD`.
    case timestamp(dateAlone: Bool)
    /// A number within bounds.
    case range(ClosedRange<Double>)
    /// One of these words (`active`, `inactive`).
    case words([String])
    /// A Landing Page URL: absolute http(s), no white space or markup (`LandingPageURL`).
    case landingPage

    /// A code's length of every kind but line items and trackers (whose is `TrackerRules`').
    public static let codeMaxLength = 100

    /// What is wrong with `value`, or nil. A missing value passes every rule but `name`'s.
    public func problem(_ value: FieldValue) -> InputProblem? {
        switch self {
        case .name(let max):
            return Self.nameProblem(value.text ?? "", max: max)
        case .investCode:
            guard let text = value.text, let message = TrackerRules.codeProblem(text) else { return nil }
            return InputProblem(message.hasPrefix("at most") ? "longer than \(TrackerRules.codeMaxLength) characters"
                                : "outside Invest's documented characters", message)
        case .plain(let max):
            guard let text = value.text, let message = TextFieldRules.plainProblem(text, max: max) else { return nil }
            return InputProblem(message.hasPrefix("at most") ? "longer than \(max) characters" : "with control or format characters", message)
        case .token:
            guard let text = value.text, let message = TextFieldRules.tokenProblem(text) else { return nil }
            return InputProblem("not a word of letters, digits, _ or -", message)
        case .currency:
            guard let text = value.text, let message = TextFieldRules.currencyProblem(text) else { return nil }
            return InputProblem("not a three-letter currency code", message)
        case .timestamp(let dateAlone):
            guard let text = value.text, let message = TextFieldRules.timestampProblem(text, dateAlone: dateAlone) else { return nil }
            return InputProblem(dateAlone ? "not a date YYYY-MM-DD [HH:MM:SS]" : "not a time YYYY-MM-DD HH:MM:SS", message)
        case .range(let bounds):
            guard let number = value.real, !bounds.contains(number) || !number.isFinite else { return nil }
            let shown = bounds.upperBound == .greatestFiniteMagnitude
                ? "\(Self.format(bounds.lowerBound)) or more" : "\(Self.format(bounds.lowerBound)) to \(Self.format(bounds.upperBound))"
            return InputProblem("outside \(shown)", "expected \(shown) (got \(Self.format(number)))")
        case .landingPage:
            guard let text = value.text, let message = LandingPageURL.problem(text) else { return nil }
            return InputProblem("not an absolute http(s) URL without spaces", message)
        case .words(let words):
            guard let text = value.text, !words.contains(text) else { return nil }
            let list = words.count == 2 ? "\(words[0]) or \(words[1])" : words.dropLast().joined(separator: ", ") + " or " + words.last!
            return InputProblem("not \(list)", "expected \(list) (got “\(TerminalSafe.clip(text, 30))”)")
        }
    }

    static func nameProblem(_ raw: String, max: Int) -> InputProblem? {
        guard let message = TextFieldRules.nameProblem(raw, max: max) else { return nil }
        let category: String
        if message.hasPrefix("required") {
            category = "empty"
        } else if message.hasPrefix("must not contain") {
            category = "with control characters"
        } else if message.hasPrefix("at most") {
            category = "longer than \(max) characters"
        } else {
            category = "with a character of too many marks"
        }
        return InputProblem(category, message)
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
