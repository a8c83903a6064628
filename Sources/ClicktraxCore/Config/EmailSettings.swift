/// How exported tags are mailed (config `[email]`).
public struct EmailSettings: Sendable, Equatable {
    /// The From address; default `clicktrax@HOST`-style `USER@HOST`.
    public var from: String?
    /// The sendmail-compatible command and its own arguments (no shell); Clicktrax adds
    /// `-t -i`. Nil: `sendmail` on PATH, else the outbox.
    public var command: [String]?
    /// Where messages go as `.eml` files when there is no command; default
    /// `$XDG_DATA_HOME/clicktrax/outbox`.
    public var outbox: String?

    public init(from: String? = nil, command: [String]? = nil, outbox: String? = nil) {
        self.from = from
        self.command = command
        self.outbox = outbox
    }
}
