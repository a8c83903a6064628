import Foundation

/// The session token, kept beside the database (`DATABASE.invest-token`, mode 0600) so that
/// each command does not log in again (Invest allows 10 logins in 5 minutes). It is valid only
/// for the API and user it was made for. `invest logout` removes it.
public struct InvestTokenFile: Sendable {
    public let path: String

    public init(databasePath: String) { path = databasePath + ".invest-token" }

    struct Contents: Codable {
        var api: String
        var username: String
        var token: String
    }

    public func token(api: String, username: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              // A token file that does not decode is no token: the client logs in and rewrites it.
              let contents = try? JSONDecoder().decode(Contents.self, from: data),
              contents.api == api, contents.username == username else { return nil }
        return contents.token
    }

    public func save(_ token: String, api: String, username: String) throws {
        let data = try JSONEncoder().encode(Contents(api: api, username: username, token: token))
        try AtomicFile.write(data, to: path, mode: 0o600, enforceMode: true)
    }

    /// True when there was one to remove.
    @discardableResult
    public func remove() -> Bool { unlink(path) == 0 }
}
