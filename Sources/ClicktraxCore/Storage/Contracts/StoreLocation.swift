/// Where a store is, and the one place that opens it: the CLI and the UI get `any TrackerStore`
/// and never name the backend. Today a location is an SQLite file (GRDB); a server backend
/// would be another case here, opening another type that passes the same contract tests.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)

    /// `--database PATH`, else `$CLICKTRAX_DATABASE`, else the XDG data folder's file.
    public static func resolve(option: String?, environment: [String: String]) -> StoreLocation {
        .sqlite(path: DatabaseLocation.resolve(option: option, environment: environment))
    }

    public func open() throws -> any TrackerStore {
        switch self {
        case .sqlite(let path): try SQLiteStore.open(path: path)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        }
    }
}
