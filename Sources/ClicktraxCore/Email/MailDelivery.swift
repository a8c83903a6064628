import Foundation

/// Sends a message through a sendmail-compatible command, or — where none is configured or
/// found — leaves it as an `.eml` file in the outbox. Never through a shell; never says "sent"
/// unless the command said so with status 0.
public struct MailDelivery: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The command took the message (exit status 0).
        case sent(command: String)
        /// No command: the message waits in this file, not sent.
        case savedToOutbox(path: String)
    }

    public var settings: EmailSettings
    public var environment: [String: String]

    public init(settings: EmailSettings, environment: [String: String]) {
        self.settings = settings
        self.environment = environment
    }

    /// The command that will run (`-t -i` added), or nil for the outbox.
    public var command: [String]? {
        if let configured = settings.command { return configured + ["-t", "-i"] }
        if let sendmail = Self.findOnPath("sendmail", path: environment["PATH"] ?? "") { return [sendmail, "-t", "-i"] }
        return nil
    }

    /// The From address: configured, else the user at this host.
    public var from: String {
        if let from = settings.from { return from }
        return "\(CurrentUser.name(environment: environment))@\(ProcessInfo.processInfo.hostName)"
    }

    public var outboxFolder: String {
        if let outbox = settings.outbox { return DatabaseLocation.expandTilde(outbox, environment: environment) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        var dataHome = environment["XDG_DATA_HOME"] ?? ""
        if !dataHome.hasPrefix("/") { dataHome = home + "/.local/share" }
        return dataHome + "/clicktrax/outbox"
    }

    public func deliver(_ email: TagEmail) throws -> Outcome {
        let message = email.rendered()
        guard let command = command else { return try saveToOutbox(message, email: email) }
        let program = command[0]
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(program, Array(command.dropFirst()), input: message, environment: environment)
        } catch {
            throw ClicktraxError.operational("email: \(error); nothing was sent")
        }
        guard result.succeeded else {
            let detail = result.stderrText.split(whereSeparator: \.isNewline).first.map { ": \($0)" } ?? ""
            throw ClicktraxError.operational(
                "email: \(program) exited with status \(result.status)\(detail); the message was not sent")
        }
        return .sent(command: command.joined(separator: " "))
    }

    func saveToOutbox(_ message: Data, email: TagEmail) throws -> Outcome {
        let folder = outboxFolder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ClicktraxError.operational("\(folder): cannot create the outbox folder (\(error.localizedDescription))")
        }
        let stamp = Timestamp.string(from: email.date).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        let path = "\(folder)/\(stamp)-\(email.identifier.prefix(8)).eml"
        try AtomicFile.write(message, to: path, mode: 0o600)
        return .savedToOutbox(path: path)
    }

    static func findOnPath(_ name: String, path: String) -> String? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
