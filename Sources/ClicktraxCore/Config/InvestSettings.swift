import TOMLKit

/// `[invest]` of the configuration file (RULES.md §8). The password is never in it: only the
/// command that prints it.
public struct InvestSettings: Sendable, Equatable {
    public var api: String?
    public var username: String?
    /// Run without a shell; the first line of its stdout is the password.
    public var passwordCommand: [String]?
    /// Pull only these advertisers (default: every one the member has).
    public var advertisers: [Int64] = []
    /// Seconds to wait for an answer.
    public var timeout: Double = 60

    public init() {}

    static func read(_ table: TOMLTable, reader: ConfigReader) throws -> InvestSettings {
        let section = "invest"
        try reader.only(["api", "username", "password_command", "advertisers", "timeout"], in: table, section: section)
        var settings = InvestSettings()
        if let api = try reader.string("api", in: table, section: section) {
            do { _ = try InvestEndpoint(api) } catch let error as InvestError { throw reader.error("api", section: section, error.description) }
            settings.api = api
        }
        if let username = try reader.string("username", in: table, section: section) {
            guard !username.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw reader.error("username", section: section, "expected the Invest user name")
            }
            settings.username = username
        }
        if let command = try reader.stringArray("password_command", in: table, section: section) {
            guard let program = command.first, !program.isEmpty else {
                throw reader.error("password_command", section: section, "expected the program and its arguments, e.g. [\"pass\", \"show\", \"invest\"]")
            }
            settings.passwordCommand = command
        }
        if let value = table["advertisers"] {
            guard let array = value.array else {
                throw reader.error("advertisers", section: section, "expected a list of advertiser IDs, e.g. [37236]")
            }
            for item in array {
                guard let id = item.int, id > 0 else {
                    throw reader.error("advertisers", section: section, "expected positive advertiser IDs, e.g. [37236]")
                }
                settings.advertisers.append(Int64(id))
            }
        }
        if let value = table["timeout"] {
            guard let seconds = value.double ?? value.int.map(Double.init), seconds > 0, seconds <= 3600 else {
                throw reader.error("timeout", section: section, "expected seconds, 1 to 3600")
            }
            settings.timeout = seconds
        }
        return settings
    }
}
