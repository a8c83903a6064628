import ClicktraxCore
import Foundation

/// The command line's wording of errors: one line each, naming the option where a tracker
/// field was wrong.
enum CLIMessages {
    static func describe(_ error: ClicktraxError) -> String {
        guard case .invalid(let issues) = error else { return error.description }
        return issues.map { "\($0.field.label) (\(option(for: $0.field))): \($0.message)" }.joined(separator: "; ")
    }

    /// The option of `trackers create` / `update` that sets a field.
    static func option(for field: TrackerField) -> String {
        switch field {
        case .id: "--id"
        case .name: "--name"
        case .code: "--code"
        case .state: "--state"
        case .landingPageURL: "--landing-page-url"
        case .lineItem: "--line-item"
        case .publisher: "--publisher"
        case .placement: "--placement"
        case .paymentRule: "--payment-rule"
        }
    }

    /// ArgumentParser's several-line usage error as one line: the error and where to look.
    static func usageLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var first = lines.first ?? "bad usage"
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        let hint = lines.first { $0.hasPrefix("See '") }.map { " (see \($0.dropFirst(4).dropLast(" for more information.".count)))" } ?? ""
        return first + hint
    }
}
