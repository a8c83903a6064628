import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax invest status [--format table|json]`: the connection and whether its token still
/// works, the last pull, what is pending (and what Invest refused), what is conflicting, and the
/// values kept as Invest has them that would not be accepted if typed. Every line that carries
/// Invest's text is made terminal-safe.
struct InvestStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the connection, the last pull, pending changes and conflicts.",
        discussion: "The kept token is checked with one call to Invest (GET /member), which never logs in; --no-check skips it.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "table or json.")
    var format: StatusFormat = .table

    @Flag(help: "Do not ask Invest whether the kept token still works.")
    var noCheck = false

    enum StatusFormat: String, ExpressibleByArgument { case table, json }

    func run() throws {
        let context = try InvestContext(global: global)
        let store = context.store
        let connection = context.connection
        let loggedIn = connection.map { context.tokenFile.token(api: $0.api, username: $0.username) != nil } ?? false
        let check: TokenCheck?
        if let connection, !noCheck {
            let session = context.session
            check = try AsyncBridge.wait { await session.checkToken(for: connection) }
        } else {
            check = nil
        }
        // Both kinds, click trackers first: (kind, item) pairs.
        let pending = try TrackerKind.allCases.flatMap { kind in try store.scoped(to: kind).pendingChanges().map { (kind, $0) } }
        let conflicts = try TrackerKind.allCases.flatMap { kind in try store.scoped(to: kind).conflicts().map { (kind, $0) } }
        let outbox = try TrackerKind.allCases.flatMap { kind in try store.scoped(to: kind).outbox().map { (kind, $0) } }
        let legacy = try store.legacyValues()
        switch format {
        case .json:
            try printJSON(connection: connection, loggedIn: loggedIn, token: check, pending: pending, conflicts: conflicts, outbox: outbox,
                          legacy: legacy)
        case .table:
            guard let connection else {
                try ObjectPrinter.line("standalone: \(global.databasePath) is not connected to Invest (clicktrax invest login, then clicktrax invest pull)")
                return
            }
            let member = connection.memberId.map { "member \($0)\(connection.memberName.map { " \($0)" } ?? "")" } ?? "member unknown"
            try ObjectPrinter.say("\(connection.connected ? "connected" : "logged in, not pulled yet"): \(connection.api) as \(connection.username), \(member)")
            try ObjectPrinter.say("token: " + Self.describe(check, loggedIn: loggedIn, passwordSource: context.password(username: connection.username) != nil))
            try ObjectPrinter.say("last pull: \(connection.lastPull.map { "\($0) UTC" } ?? "never")")
            if let holder = SyncLock.holder(ofDatabase: global.databasePath) { try ObjectPrinter.say("sync running: \(holder.description)") }
            let refused = pending.filter { $0.1.refusal != nil }.count
            try ObjectPrinter.line("pending: \(pending.count)" + (refused > 0 ? " (\(refused) refused by Invest: fix and push again, or clicktrax invest resolve ID --keep-theirs)" : ""))
            for (kind, change) in pending {
                let name = change.mine?.name ?? change.base?.name ?? ""
                try ObjectPrinter.say("  \(change.action.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(InvestPushCommand.label(kind))\(change.trackerId)  \(name)"
                      + (change.refusal.map { "  (refused by Invest: \($0))" } ?? ""))
            }
            try ObjectPrinter.line("conflicting: \(conflicts.count)")
            for (kind, conflict) in conflicts {
                try ObjectPrinter.say("  \(InvestPushCommand.label(kind))\(conflict.trackerId)  \(conflict.mine?.name ?? conflict.theirs?.name ?? ""): \(conflict.reason) (found \(conflict.foundAt) UTC)")
                try ObjectPrinter.say("     mine:   \(Self.summary(conflict.mine))")
                try ObjectPrinter.say("     theirs: \(Self.summary(conflict.theirs))")
            }
            if !outbox.isEmpty {
                try ObjectPrinter.line("unsettled: \(outbox.count) request(s) whose answer was lost; the next push asks Invest about them first")
            }
            if !legacy.isEmpty {
                try ObjectPrinter.line("kept as Invest has them, though they would not be accepted if typed (--format json lists them by id):")
                for line in legacy.lines { try ObjectPrinter.line("  " + line) }
            }
        }
    }

    /// The token line: what the check found, and what the next command will do.
    static func describe(_ check: TokenCheck?, loggedIn: Bool, passwordSource: Bool) -> String {
        let again = passwordSource ? "the next command logs in again" : "run clicktrax invest login (no password source is configured)"
        switch check {
        case nil: return loggedIn ? "kept (not checked)" : "none kept (logged out): \(again)"
        case .none?: return "none kept (logged out): \(again)"
        case .valid?: return "valid (checked with Invest just now)"
        case .rejected?: return "no longer valid (Invest ended the session): \(again)"
        case .unchecked(let why)?: return "kept, not checked: \(why)"
        }
    }

    static func tokenWord(_ check: TokenCheck?) -> String {
        switch check {
        case nil: "unchecked"
        case .none?: "none"
        case .valid?: "valid"
        case .rejected?: "rejected"
        case .unchecked?: "unreachable"
        }
    }

    static func summary(_ tracker: Tracker?) -> String {
        guard let t = tracker else { return "(deleted)" }
        return "“\(t.name)” \(t.state.rawValue), line item \(t.lineItem.id), publisher \(t.publisher.id)"
            + (t.tag.map { ", placement \($0.id)" } ?? "") + (t.paymentRule.map { ", payment rule \($0.id)" } ?? "")
            + (t.kind == .click ? ", landing page \(t.clickUrl ?? "none")" : "") + (t.code.map { ", code \($0)" } ?? "")
            + (t.lastModified.isEmpty ? "" : ", modified \(t.lastModified)")
    }

    private func printJSON(connection: InvestConnection?, loggedIn: Bool, token: TokenCheck?, pending: [(TrackerKind, PendingChange)],
                           conflicts: [(TrackerKind, InvestConflict)], outbox: [(TrackerKind, OutboxEntry)], legacy: LegacyValues) throws {
        func tracker(_ t: Tracker?) throws -> Any {
            guard let t else { return NSNull() }
            return try JSONSerialization.jsonObject(with: try JSONEncoder().encode(t))
        }
        var document: [String: Any] = ["connected": connection?.connected ?? false, "logged_in": loggedIn, "token": Self.tokenWord(token)]
        document["sync_running"] = SyncLock.holder(ofDatabase: global.databasePath)?.description ?? NSNull()
        if case .unchecked(let why)? = token { document["token_detail"] = why }
        if let connection {
            document["api"] = connection.api
            document["username"] = connection.username
            document["member_id"] = connection.memberId ?? NSNull()
            document["member_name"] = connection.memberName ?? NSNull()
            document["last_pull"] = connection.lastPull ?? NSNull()
        }
        // `kind`: Invest's object kind (`clicktracker`, `imptracker`), as in `legacy_values`.
        document["pending"] = try pending.map { kind, change -> [String: Any] in
            ["kind": kind.objectKind.singularKey, "id": change.trackerId, "action": change.action.rawValue,
             "tracker": try tracker(change.mine ?? change.base), "refused": change.refusal ?? NSNull()]
        }
        document["conflicts"] = try conflicts.map { kind, conflict -> [String: Any] in
            ["kind": kind.objectKind.singularKey, "id": conflict.trackerId, "reason": conflict.reason, "found_at": conflict.foundAt,
             "mine": try tracker(conflict.mine), "theirs": try tracker(conflict.theirs)]
        }
        document["unsettled"] = outbox.map { kind, entry in
            ["kind": kind.objectKind.singularKey, "id": entry.trackerId, "action": entry.action.rawValue, "written_at": entry.writtenAt]
        }
        // By kind and field: which objects hold a value kept from Invest that would not be
        // accepted if typed (the first 10,000 ids of each group; `count` is all of them).
        document["legacy_values"] = legacy.groups.map { group -> [String: Any] in
            ["kind": group.kind.singularKey, "field": group.field, "problem": group.category, "count": group.count, "ids": group.ids]
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try ObjectPrinter.line(String(decoding: data, as: UTF8.self))
    }
}
