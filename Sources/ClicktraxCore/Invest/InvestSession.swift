import Foundation

/// Makes Invest clients for one database: its `[invest]` settings, its token file, where the
/// password comes from. The command line may ask for the password on the terminal; the
/// terminal UI may not (curses owns the screen), so it uses the command or the variable only.
public struct InvestSession: Sendable {
    public let settings: InvestSettings
    public let tokenFile: InvestTokenFile
    /// The database the session is for (its token file sits beside it).
    public let databasePath: String
    let environment: [String: String]
    let prompt: Bool
    /// Seconds `password_command` may take (`[helpers] timeout`).
    let helperTimeout: Double

    public init(settings: InvestSettings, databasePath: String, environment: [String: String], prompt: Bool, helperTimeout: Double = 10) {
        self.settings = settings
        self.databasePath = databasePath
        tokenFile = InvestTokenFile(databasePath: databasePath)
        self.environment = environment
        self.prompt = prompt
        self.helperTimeout = helperTimeout
    }

    public func password(username: String) -> (@Sendable () throws -> String)? {
        InvestPassword.source(command: settings.passwordCommand, environment: environment, username: username, prompt: prompt,
                              timeout: helperTimeout)
    }

    public func client(api: String, username: String, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        let endpoint = try InvestEndpoint(api)
        var clientSettings = InvestClient.Settings()
        clientSettings.timeout = settings.timeout
        let tokenFile = tokenFile
        return InvestClient(
            endpoint: endpoint, username: username, token: tokenFile.token(api: api, username: username), settings: clientSettings,
            password: password(username: username),
            tokenChanged: { token in
                // The session goes on with the new token either way; kept or not, the operator is
                // told, since an unkept one means logging in again next time.
                do { try tokenFile.save(token, api: api, username: username) } catch {
                    events(.note("the new Invest token could not be kept (\(error)); the next command will log in again"))
                }
            }, events: events)
    }

    public func client(for connection: InvestConnection, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        try client(api: connection.api, username: connection.username, events: events)
    }

    /// Whether the kept token still works, by one cheap call (`GET /member`) that never logs in:
    /// `invest status` says what the next command will meet.
    public func checkToken(for connection: InvestConnection) async -> TokenCheck {
        guard let token = tokenFile.token(api: connection.api, username: connection.username) else { return .none }
        do {
            var quick = InvestClient.Settings()
            quick.timeout = min(settings.timeout, 15)
            quick.attempts = 1
            quick.throttleWaits = 0
            let client = InvestClient(endpoint: try InvestEndpoint(connection.api), username: connection.username, token: token,
                                      settings: quick, password: nil)
            _ = try await client.member()
            return .valid
        } catch let error as InvestError {
            if case .needsLogin = error { return .rejected }
            return .unchecked(error.description)
        } catch {
            return .unchecked("\(error)")
        }
    }
}

/// What `InvestSession.checkToken` found.
public enum TokenCheck: Sendable, Equatable {
    /// No token kept: the next command logs in.
    case none
    /// Invest answered with it.
    case valid
    /// Invest no longer takes it: the next command logs in again (with a password source).
    case rejected
    /// Invest could not be asked.
    case unchecked(String)
}
