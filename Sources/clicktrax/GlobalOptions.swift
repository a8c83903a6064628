import ArgumentParser
import ClicktraxCore
import Foundation

/// Options every command takes, before or after its name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $CLICKTRAX_DATABASE, else $XDG_DATA_HOME/clicktrax/clicktrax.sqlite).",
        valueName: "path"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (default: $XDG_CONFIG_HOME/clicktrax/config.toml).", valueName: "path"))
    var config: String?

    func validate() throws {
        if database?.isEmpty == true { throw ValidationError("--database: an empty path; give the database file") }
        if config?.isEmpty == true { throw ValidationError("--config: an empty path; give the configuration file") }
    }

    var configPath: String {
        config ?? ClicktraxConfig.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    func loadConfig() throws -> ClicktraxConfig {
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw ClicktraxError.badInput("\(config): no such configuration file")
        }
        return try ClicktraxConfig.load(path: configPath)
    }

    var location: StoreLocation {
        StoreLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
    }

    var databasePath: String { location.description }

    func openStore() throws -> any TrackerStore {
        try location.open()
    }

    /// The store, once the publisher a listing is scoped to is known to exist.
    func openPublisherScope(_ publisher: Int64?) throws -> any TrackerStore {
        let store = try openStore()
        if let publisher, try store.publisher(id: publisher) == nil { throw ClicktraxError.notFound(kind: "publisher", id: publisher) }
        return store
    }
}
