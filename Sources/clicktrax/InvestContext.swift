import ClicktraxCore
import Foundation

/// What every `invest` command needs: the store, the connection the database has, and the
/// session that makes clients (settings, token file, password source — a prompt allowed).
struct InvestContext {
    let global: GlobalOptions
    let store: any TrackerStore
    let session: InvestSession
    let connection: InvestConnection?

    var settings: InvestSettings { session.settings }
    var tokenFile: InvestTokenFile { session.tokenFile }

    init(global: GlobalOptions) throws {
        self.global = global
        let config = try global.loadConfig()
        session = InvestSession(settings: config.invest, databasePath: global.databasePath,
                                environment: ProcessInfo.processInfo.environment, prompt: isatty(STDIN_FILENO) == 1,
                                helperTimeout: config.helperTimeout)
        store = try global.openStore()
        connection = try store.investConnection()
    }

    /// The connection, or the error saying to log in first.
    func requireConnection() throws -> InvestConnection {
        guard let connection else {
            throw InvestError.needsLogin("\(global.databasePath) is not connected to Invest")
        }
        return connection
    }

    func password(username: String) -> (@Sendable () throws -> String)? { session.password(username: username) }

    func client(api: String, username: String, events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        try session.client(api: api, username: username, events: events)
    }

    func connectedClient(events: @escaping @Sendable (InvestEvent) -> Void) throws -> InvestClient {
        try session.client(for: try requireConnection(), events: events)
    }
}
