import Foundation

/// Email addresses as an operator types them: `name@example.com`, a comma-separated list of at
/// most 10 (as Invest's export dialogs take). Deliberately plain: no display names, no quoted
/// local parts, no comments — nothing that could smuggle a header or a second recipient.
public enum EmailAddress {
    public static let maxRecipients = 10

    /// Nil when `address` is acceptable, else what is wrong.
    public static func problem(_ address: String) -> String? {
        guard !address.isEmpty else { return "empty address" }
        guard address.utf8.count <= 254 else { return "“\(shown(address))” is longer than 254 characters" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "“\(shown(address))” is not of the form name@example.com" }
        let local = parts[0], domain = parts[1]
        let localOK = !local.isEmpty && local.count <= 64 && !local.hasPrefix(".") && !local.hasSuffix(".")
            && !local.contains("..") && local.unicodeScalars.allSatisfy(isLocalScalar)
        guard localOK else { return "“\(shown(address))”: the part before @ has characters an address cannot have" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let domainOK = labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        } && (labels.last?.count ?? 0) >= 2
        guard domainOK else { return "“\(shown(address))”: “\(shown(String(domain)))” is not a domain such as example.com" }
        return nil
    }

    /// Splits and checks a comma-separated list; every problem names the address and its position.
    public static func parseList(_ text: String) throws -> [String] {
        let addresses = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if addresses.count == 1 && addresses[0].isEmpty { throw ClicktraxError.badInput("email: no address given") }
        guard addresses.count <= maxRecipients else {
            throw ClicktraxError.badInput("email: at most \(maxRecipients) addresses (got \(addresses.count))")
        }
        for (index, address) in addresses.enumerated() {
            if let problem = problem(address) {
                throw ClicktraxError.badInput("email: address \(index + 1) of \(addresses.count): \(problem)")
            }
        }
        var seen = Set<String>()
        return addresses.filter { seen.insert($0.lowercased()).inserted }
    }

    static func isLocalScalar(_ s: Unicode.Scalar) -> Bool {
        guard s.isASCII else { return false }
        if s.properties.isAlphabetic || ("0"..."9").contains(s) { return true }
        return "!#$%&*+/=?^_{|}~.-'".unicodeScalars.contains(s)
    }

    static func shown(_ text: String) -> String {
        let cut = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return String(String.UnicodeScalarView(cut.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
    }
}
