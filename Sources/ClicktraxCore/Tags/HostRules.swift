/// The tracker host (`ib.adnxs.com` unless configured): a DNS name or IPv4 address, with an
/// optional port. It goes into every URL, so nothing else gets in.
public enum HostRules {
    public static func problem(_ host: String) -> String? {
        let parts = host.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let name = parts.first, !name.isEmpty, name.count <= 253 else {
            return "expected a host name such as ib.adnxs.com, with an optional :port (got “\(host)”)"
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let labelsOK = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.isASCII && (($0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "-") }
        }
        guard labelsOK else { return "expected a host name of letters, digits, dots and hyphens (got “\(host)”)" }
        if parts.count == 2 {
            guard let port = Int(parts[1]), (1...65535).contains(port) else {
                return "expected a port from 1 to 65535 after the colon (got “\(host)”)"
            }
        }
        return nil
    }
}
