/// What the operator chose last (the export options), kept with the database.
public protocol Preferences: Sendable {
    /// A remembered preference, or nil.
    func preference(_ key: String) throws -> String?
    func setPreference(_ key: String, _ value: String) throws
}
