import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax invest login [--api URL] [--username U]`: a new session, its token kept 0600 beside
/// the database. The password comes from `password_command`, `$CLICKTRAX_INVEST_PASSWORD` or a
/// prompt with echo off — never from an argument.
struct InvestLogin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to Invest (password: [invest] password_command, $CLICKTRAX_INVEST_PASSWORD, or a prompt).")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The API's base URL (default: [invest] api, else \(InvestEndpoint.production)).", valueName: "url"))
    var api: String?

    @Option(help: ArgumentHelp("The Invest user (default: [invest] username).", valueName: "name"))
    var username: String?

    func run() throws {
        let context = try InvestContext(global: global)
        // The address is the operator's — the option, the configuration, the last login's — never
        // one read from the database: a password must go only where the operator said.
        let api = api ?? context.session.operatorAPI() ?? InvestEndpoint.production
        let endpoint = try InvestEndpoint(api)
        guard let username = username ?? context.settings.username ?? context.connection?.username else {
            throw InvestError.badSetting("login: name the Invest user with --username or [invest] username in \(global.configPath)")
        }
        if let connection = context.connection, connection.connected, connection.api != endpoint.description {
            throw InvestError.badSetting(
                "login: \(global.databasePath) is connected to \(connection.api); use another database (--database) for \(endpoint.description)")
        }
        guard context.password(username: username) != nil else {
            throw InvestError.needsLogin(
                "no Invest password: set [invest] password_command in \(global.configPath) or $\(InvestPassword.environmentVariable), or run on a terminal")
        }
        let client = try context.client(api: endpoint.description, username: username, events: { _ in })
        let store = context.store
        let previous = context.connection
        let member = try AsyncBridge.wait { () async throws -> (Int64?, String?) in
            try await client.login()
            return await Self.member(client)
        }
        var connection = previous ?? InvestConnection(api: endpoint.description, username: username)
        connection.api = endpoint.description
        connection.username = username
        if let id = member.0 { connection.memberId = id }
        if let name = member.1 { connection.memberName = name }
        try store.saveInvestConnection(connection)
        let who = connection.memberId.map { " (member \($0)\(connection.memberName.map { " \($0)" } ?? ""))" } ?? ""
        try ObjectPrinter.say("logged in to \(endpoint.description) as \(username)\(who); the token is kept in \(context.tokenFile.path) (0600)")
        if !connection.connected { try ObjectPrinter.line("next: clicktrax invest pull — the first pull connects this database to the member") }
    }

    /// `GET /member`: the member's id and name, for the title bar; not every user may read it.
    static func member(_ client: InvestClient) async -> (Int64?, String?) {
        // Who the member is only decorates the login line; the login itself already succeeded.
        guard let member = try? await client.member() else { return (nil, nil) }
        return member
    }
}
