import Foundation

/// The session token, kept beside the database (`DATABASE.invest-token`, mode 0600) so that
/// each command does not log in again (Invest allows 10 logins in 5 minutes). It is valid only
/// for the API and user it was made for, and it remembers that API: the address the operator
/// gave `invest login --api`, which — with `[invest] api` — is the only place credentials are
/// sent (never an address read from the database). `invest logout` removes it. Written and read
/// as a `PrivateFile`: no link followed, no pipe written into, refused unless it is the user's.
public struct InvestTokenFile: Sendable {
    public let path: String

    public init(databasePath: String) { path = databasePath + ".invest-token" }

    public struct Contents: Codable, Sendable {
        public var api: String
        public var username: String
        public var token: String
    }

    /// What the file holds; nil when there is none or it does not decode (the client then logs
    /// in and writes it anew). `PrivateFile.Refused` when it is not a file of the user's alone.
    public func contents() throws -> Contents? {
        guard let data = try PrivateFile.read(path) else { return nil }
        return try? JSONDecoder().decode(Contents.self, from: data)
    }

    public func token(api: String, username: String) -> String? {
        guard let contents = try? contents(), contents.api == api, contents.username == username else { return nil }
        return contents.token
    }

    public func save(_ token: String, api: String, username: String) throws {
        try PrivateFile.write(try JSONEncoder().encode(Contents(api: api, username: username, token: token)), to: path)
    }

    /// True when there was one to remove.
    @discardableResult
    public func remove() -> Bool { unlink(path) == 0 }
}
