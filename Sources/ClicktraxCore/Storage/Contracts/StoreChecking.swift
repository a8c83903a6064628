/// `clicktrax check`: is the store sound?
public protocol StoreChecking: Sendable {
    /// What is wrong, at most `limit` lines: integrity, references, the change log against the
    /// trackers. Empty when sound.
    func check(limit: Int) throws -> [String]
    /// Values kept as Invest has them that would not be accepted if typed (RULES.md §10), by kind,
    /// field and what is wrong.
    func legacyValues() throws -> LegacyValues
}
