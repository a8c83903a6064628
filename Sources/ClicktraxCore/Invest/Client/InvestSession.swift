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
        try requireOwnDatabase()
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

    /// Talking to Invest uses a database of this user's only: a password is never sent, and a
    /// push never made, on the word of a file someone else controls.
    public func requireOwnDatabase() throws {
        var info = stat()
        guard stat(databasePath, &info) == 0 else { return }
        guard info.st_uid == geteuid() else {
            throw InvestError.badSetting("\(TerminalSafe.clip(databasePath, 200)) belongs to another user: Invest commands use only a database of yours")
        }
    }

    /// The API address the operator chose: `[invest] api`, else the one `invest login --api` was
    /// given (kept in the token file, the user's own). Never an address read from the database:
    /// a database can be copied or edited, and credentials must go only where the operator said.
    public func operatorAPI() -> String? {
        if let api = settings.api { return (try? InvestEndpoint(api))?.description ?? api }
        return (try? tokenFile.contents())?.api
    }

    /// A client for the database's connection — provided the operator's API address is the one
    /// the database is connected to; else nothing is sent anywhere.
    public func client(for connection: InvestConnection, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        guard let api = operatorAPI() else {
            throw InvestError.needsLogin("no Invest API address is set for \(databasePath) (none in [invest] api, no login kept)")
        }
        guard api == connection.api else {
            throw InvestError.badSetting(
                "\(databasePath) is connected to \(TerminalSafe.clip(connection.api, 80)), but the API address you set is \(api) "
                    + "([invest] api, or the last clicktrax invest login --api): nothing was sent. If the database's address is right, "
                    + "log in to it with clicktrax invest login --api URL")
        }
        return try client(api: api, username: connection.username, events: events)
    }

    /// Whether the kept token still works, by one cheap call (`GET /member`) that never logs in:
    /// `invest status` says what the next command will meet.
    public func checkToken(for connection: InvestConnection) async -> TokenCheck {
        do {
            guard try tokenFile.contents() != nil else { return .none }
        } catch {
            return .unchecked("\(error)")
        }
        guard operatorAPI() == connection.api else {
            return .unchecked("the API address you set (\(operatorAPI() ?? "none")) is not the database's: nothing was sent")
        }
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
