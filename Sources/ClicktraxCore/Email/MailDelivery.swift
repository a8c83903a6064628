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
    /// Seconds the mail command may take (`[helpers] timeout`).
    public var timeout: Double

    public init(settings: EmailSettings, environment: [String: String], timeout: Double = 10) {
        self.settings = settings
        self.environment = environment
        self.timeout = timeout
    }

    /// The command that will run (`-t -i` added), or nil for the outbox.
    public var command: [String]? {
        if let configured = settings.command { return configured + ["-t", "-i"] }
        if let sendmail = Self.findOnPath("sendmail", path: environment["PATH"] ?? "") { return [sendmail, "-t", "-i"] }
        return nil
    }

    /// The From address: configured, else the user at this host when that makes an address
    /// (a user name with a CR/LF or a space, a host without a dot, would not — or would smuggle
    /// a header), else `clicktrax@localhost.invalid`.
    public var from: String {
        if let from = settings.from { return from }
        let guess = "\(CurrentUser.name(environment: environment))@\(ProcessInfo.processInfo.hostName)"
        return EmailAddress.problem(guess) == nil ? guess : Self.fallbackFrom
    }

    public static let fallbackFrom = "clicktrax@localhost.invalid"

    public var outboxFolder: String {
        if let outbox = settings.outbox { return DatabaseLocation.expandTilde(outbox, environment: environment) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        var dataHome = environment["XDG_DATA_HOME"] ?? ""
        if !dataHome.hasPrefix("/") { dataHome = home + "/.local/share" }
        return dataHome + "/clicktrax/outbox"
    }

    /// `cancelled`: asked while the command runs (the UI's Esc); a stopped send is a failed one.
    public func deliver(_ email: TagEmail, cancelled: (@Sendable () -> Bool)? = nil) throws -> Outcome {
        let message = email.rendered()
        guard let command = command else { return try saveToOutbox(message, email: email) }
        let program = command[0]
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(program, Array(command.dropFirst()), input: message, environment: environment, timeout: timeout,
                                        cancelled: cancelled)
        } catch {
            throw try notSent("\(error)", message, email)
        }
        if result.cancelled { throw try notSent("\(program) was stopped (Esc)", message, email) }
        if result.timedOut {
            throw try notSent("\(program) did not finish within \(Self.seconds(timeout)) and was stopped", message, email)
        }
        guard result.succeeded else {
            let detail = result.stderrText.split(whereSeparator: \.isNewline).first.map { ": \(TerminalSafe.clip(String($0), 200))" } ?? ""
            throw try notSent("\(program) exited with status \(result.status)\(detail)", message, email)
        }
        // Exit 0 without reading the whole message: it cannot have sent it whole.
        guard result.inputTaken >= message.count else {
            throw try notSent("\(program) read \(result.inputTaken) of the message's \(message.count) bytes", message, email)
        }
        return .sent(command: command.joined(separator: " "))
    }

    /// A failed send: the message kept in the outbox, and the error saying where.
    private func notSent(_ why: String, _ message: Data, _ email: TagEmail) throws -> ClicktraxError {
        guard case .savedToOutbox(let path) = try saveToOutbox(message, email: email) else {
            return .operational("email: \(why); the message was NOT sent")
        }
        return .operational("email: \(why); the message was NOT sent; it is saved as \(path)")
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
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
        try AtomicFile.write(message, to: path, mode: 0o600, enforceMode: true)
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
