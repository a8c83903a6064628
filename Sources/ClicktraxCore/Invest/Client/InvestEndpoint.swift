import Foundation

/// The API's base URL, checked: `https://` always, `http://` only to a loopback host (tests and
/// local proxies, RULES.md §8). Query values are written the way the docs show them.
public struct InvestEndpoint: Sendable, Equatable, CustomStringConvertible {
    public static let production = "https://api.appnexus.com"

    public let base: URL
    public let host: String

    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil
        else {
            throw InvestError.badSetting("api: “\(text)” is not a URL like \(Self.production)")
        }
        switch scheme {
        case "https": break
        case "http":
            guard Self.isLoopback(host) else {
                throw InvestError.badSetting(
                    "api: \(trimmed) is not https://: plain http is allowed only to this machine (127.0.0.1, ::1, localhost); Invest needs https")
            }
        default:
            throw InvestError.badSetting("api: \(trimmed) must start with https://")
        }
        var base = trimmed
        while base.hasSuffix("/") { base.removeLast() }
        self.base = URL(string: base)!
        self.host = host
    }

    public var description: String { base.absoluteString }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `service?key=value&…`, values as the docs write them: `min_last_modified=2024-05-01+13:00:00`
    /// (a `+` for the space, colons and commas as they are), everything else percent-encoded.
    public func url(_ service: String, _ query: [(String, String)]) -> URL {
        var text = base.absoluteString + "/" + service
        if !query.isEmpty {
            text += "?" + query.map { key, value in "\(key)=\(Self.encode(value))" }.joined(separator: "&")
        }
        return URL(string: text)!
    }

    static let allowed: CharacterSet = {
        // ASCII only: CharacterSet.alphanumerics would let “é” through unencoded.
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:,")
        return set
    }()

    static func encode(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
            .joined(separator: "+")
    }
}
