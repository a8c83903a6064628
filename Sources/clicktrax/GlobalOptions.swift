import ArgumentParser
import ClicktraxCore
import Foundation

/// Options every command takes, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $CLICKTRAX_DATABASE, else $XDG_DATA_HOME/clicktrax/clicktrax.sqlite).",
        valueName: "path"))
    var database: String?

    var databasePath: String {
        DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
    }

    func openStore() throws -> SQLiteStore {
        try SQLiteStore.open(path: databasePath)
    }
}
