import ClicktraxCore
import Foundation

/// What every `invest` command needs: the store, the `[invest]` settings, the connection the
/// database has, the token file, and a client made from them.
struct InvestContext {
    let global: GlobalOptions
    let store: any TrackerStore
    let settings: InvestSettings
    let connection: InvestConnection?
    let tokenFile: InvestTokenFile

    init(global: GlobalOptions) throws {
        self.global = global
        settings = try global.loadConfig().invest
        store = try global.openStore()
        connection = try store.investConnection()
        tokenFile = InvestTokenFile(databasePath: global.databasePath)
    }

    /// The connection, or the error saying to log in first.
    func requireConnection() throws -> InvestConnection {
        guard let connection else {
            throw InvestError.needsLogin("\(global.databasePath) is not connected to Invest")
        }
        return connection
    }

    func password(username: String) -> (@Sendable () throws -> String)? {
        InvestPassword.source(command: settings.passwordCommand, environment: ProcessInfo.processInfo.environment,
                              username: username, prompt: isatty(STDIN_FILENO) == 1)
    }

    func client(api: String, username: String, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        let endpoint = try InvestEndpoint(api)
        var clientSettings = InvestClient.Settings()
        clientSettings.timeout = settings.timeout
        let tokenFile = tokenFile
        return InvestClient(
            endpoint: endpoint, username: username, token: tokenFile.token(api: api, username: username), settings: clientSettings,
            password: password(username: username),
            tokenChanged: { token in try? tokenFile.save(token, api: api, username: username) }, events: events)
    }

    func connectedClient(events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        let connection = try requireConnection()
        return try client(api: connection.api, username: connection.username, events: events)
    }
}
