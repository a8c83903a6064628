import Foundation

/// Makes Invest clients for one database: its `[invest]` settings, its token file, where the
/// password comes from. The command line may ask for the password on the terminal; the
/// terminal UI may not (curses owns the screen), so it uses the command or the variable only.
public struct InvestSession: Sendable {
    public let settings: InvestSettings
    public let tokenFile: InvestTokenFile
    let environment: [String: String]
    let prompt: Bool

    public init(settings: InvestSettings, databasePath: String, environment: [String: String], prompt: Bool) {
        self.settings = settings
        tokenFile = InvestTokenFile(databasePath: databasePath)
        self.environment = environment
        self.prompt = prompt
    }

    public func password(username: String) -> (@Sendable () throws -> String)? {
        InvestPassword.source(command: settings.passwordCommand, environment: environment, username: username, prompt: prompt)
    }

    public func client(api: String, username: String, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        let endpoint = try InvestEndpoint(api)
        var clientSettings = InvestClient.Settings()
        clientSettings.timeout = settings.timeout
        let tokenFile = tokenFile
        return InvestClient(
            endpoint: endpoint, username: username, token: tokenFile.token(api: api, username: username), settings: clientSettings,
            password: password(username: username),
            tokenChanged: { token in try? tokenFile.save(token, api: api, username: username) }, events: events)
    }

    public func client(for connection: InvestConnection, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        try client(api: connection.api, username: connection.username, events: events)
    }
}
