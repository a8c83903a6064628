import ClicktraxApp
import ClicktraxCore
import CursesTerminal
import Foundation
import TerminalUI

/// `clicktrax` with no subcommand: wires the store, the configuration, the theme and the real
/// terminal to the app, and makes sure the terminal is given back whatever happens.
struct TerminalSession {
    let global: GlobalOptions
    let themeOption: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let config = try global.loadConfig()
        // Everything that can fail on bad input fails before the screen is taken over.
        _ = try ThemeLocator.load(themeOption, environment: environment)
        let store = try global.openStore()
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let backend: CursesBackend
        do {
            backend = try CursesBackend(noColor: noColor)
        } catch let failure as CursesBackend.Failure {
            throw ClicktraxError.badInput(failure.description)
        }
        defer { backend.shutdown() }
        let theme = try ThemeLocator.theme(named: themeOption, environment: environment, colorCount: backend.colorCount)
        let clipboard = Clipboard(configuredCommand: config.clipboardCommand, environment: environment) { sequence in
            CursesBackend.writeToTerminal(sequence)
        }
        let runner = AppRunner(
            backend: backend, screen: MainScreen(store: store, databaseName: global.databasePath), theme: theme
        ) { effect in
            switch effect {
            case .copyTags(let ids):
                do {
                    let trackers = try ids.compactMap { try store.tracker(id: $0) }
                    let export = try TagExport.make(trackers, options: config.tags)
                    let whereTo = try clipboard.copy(export.text)
                    let warning = export.warnings.first.map { " — warning: \($0)" } ?? ""
                    return Toast("Copied \(trackers.count) tag\(trackers.count == 1 ? "" : "s") (\(config.tags.type.label)): \(whereTo)\(warning)",
                                 kind: export.warnings.isEmpty ? .success : .info)
                } catch {
                    return Toast("\(error)", kind: .error)
                }
            case .suspend:
                backend.suspend()
                return nil
            case .quit, .redraw, .run, .openMoreActions, .openHelp, .openTracker:
                return nil // the app handles these itself
            }
        }
        runner.run { backend.pendingSignal != nil }
        if let signal = backend.pendingSignal {
            backend.shutdown()
            exit(128 + signal)
        }
    }
}
