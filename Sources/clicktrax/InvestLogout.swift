import ArgumentParser
import ClicktraxCore

/// `clicktrax invest logout`: forgets the session token. The database stays connected (its
/// trackers, pending changes and conflicts are kept).
struct InvestLogout: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Forget the Invest session token.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let tokenFile = InvestTokenFile(databasePath: global.databasePath)
        if tokenFile.remove() {
            try ObjectPrinter.line("logged out: removed \(tokenFile.path); the next invest command logs in again")
        } else {
            try ObjectPrinter.line("not logged in (no \(tokenFile.path))")
        }
    }
}
