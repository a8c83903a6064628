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
        let delivery = MailDelivery(settings: config.email, environment: environment)
        let runner = AppRunner(
            backend: backend, screen: MainScreen(store: store, databaseName: global.databasePath), theme: theme,
            tagDefaults: config.tags
        ) { effect in
            switch effect {
            case .copyText(let text):
                do {
                    return Toast(try clipboard.copy(text), kind: .success)
                } catch {
                    return Toast("\(error)", kind: .error)
                }
            case .saveFile(let text, let path):
                do {
                    let expanded = DatabaseLocation.expandTilde(path, environment: environment)
                    let absolute = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
                    try AtomicFile.write(Data(text.utf8), to: absolute)
                    return Toast("Saved the tags to \(absolute)", kind: .success)
                } catch {
                    return Toast("\(error)", kind: .error)
                }
            case .email(let export, let recipients):
                do {
                    let message = TagEmail(from: delivery.from, to: recipients, export: export)
                    switch try delivery.deliver(message) {
                    case .sent(let command):
                        return Toast("Sent to \(recipients.joined(separator: ", ")) through \(command)", kind: .success)
                    case .savedToOutbox(let path):
                        return Toast("No mail command and no sendmail: NOT sent; saved as \(path)", kind: .info)
                    }
                } catch {
                    return Toast("\(error)", kind: .error)
                }
            case .suspend:
                backend.suspend()
                return nil
            case .quit, .redraw, .run, .openMoreActions, .openHelp, .openTracker, .loadDemo, .openImport:
                return nil // the app handles these itself
            }
        }
        let frameLog = environment["CLICKTRAX_FRAME_LOG"].flatMap(FrameLog.init(path:))
        runner.frameObserver = frameLog?.record
        runner.run { backend.pendingSignal != nil }
        frameLog?.finish()
        if let signal = backend.pendingSignal {
            backend.shutdown()
            exit(128 + signal)
        }
    }
}
