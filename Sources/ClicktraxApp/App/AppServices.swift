import ClicktraxCore
import Foundation

/// What the app needs of the machine around it, beside the store: the clipboard, files, mail,
/// and the terminal's job control. The executable gives the real ones; tests give their own.
public struct AppServices {
    /// Sends text to the terminal's clipboard at once; the helper, if any, is left to run
    /// (`Clipboard.Pending.finish`, in the background).
    public var copy: (String) throws -> Clipboard.Pending
    /// Writes a file whole or not at all.
    public var writeFile: (_ text: String, _ path: String) throws -> Void
    public var fileExists: (String) -> Bool
    /// Sends (or leaves in the outbox); stops the mail command when the flag is set.
    public var mail: @Sendable (TagExport, [String], CancelFlag) throws -> MailDelivery.Outcome
    public var suspend: () -> Void
    /// Shows text in a pager on the terminal (the app gives the terminal up meanwhile); says why
    /// not when it cannot.
    public var page: (String) throws -> Void
    /// The user's home, for `~`, and the folder relative paths start from.
    public var home: String
    public var currentDirectory: String

    public init(copy: @escaping (String) throws -> Clipboard.Pending, writeFile: @escaping (String, String) throws -> Void,
                fileExists: @escaping (String) -> Bool = { FileManager.default.fileExists(atPath: $0) },
                mail: @escaping @Sendable (TagExport, [String], CancelFlag) throws -> MailDelivery.Outcome, suspend: @escaping () -> Void,
                page: @escaping (String) throws -> Void = { _ in throw ClicktraxError.operational("no pager here") },
                home: String, currentDirectory: String) {
        self.page = page
        self.copy = copy
        self.writeFile = writeFile
        self.fileExists = fileExists
        self.mail = mail
        self.suspend = suspend
        self.home = home
        self.currentDirectory = currentDirectory
    }

    /// `~/x` in the home, a relative path from the current folder.
    func absolute(_ path: String) -> String {
        let expanded = DatabaseLocation.expandTilde(path, environment: ["HOME": home])
        return expanded.hasPrefix("/") ? expanded : currentDirectory + "/" + expanded
    }
}
