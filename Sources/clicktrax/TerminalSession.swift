import ClicktraxApp
import ClicktraxCore
import CursesTerminal
import Foundation
import TerminalUI

/// `clicktrax` with no subcommand: wires the store, the configuration, the theme and the real
/// terminal to the app, and makes sure the terminal is given back whatever happens.
struct TerminalSession {
    let global: GlobalOptions
    /// Read (and checked) by the command already.
    let config: ClicktraxConfig
    let themeOption: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let themeChoice = themeOption ?? config.theme ?? "auto"
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let auto = themeChoice == "auto"
        // Everything that can fail on bad input fails before anything is opened or the screen
        // taken over: a named theme is read (once) now; `auto` waits for the background.
        let named = auto ? nil : try ThemeLocator.load(themeChoice, environment: environment)
        // Asked before ncurses reads the keyboard, so the answer is never taken for keys; the
        // database opens while the reply travels.
        let question = auto && !noColor ? BackgroundQuestion.ask() : nil
        let store: any TrackerStore
        do {
            store = try global.openStore()
        } catch {
            question?.restore()
            throw error
        }
        let background = auto && !noColor ? TerminalBackground.from(question?.answer(), environment: environment) : nil
        // Fitted to the terminal's colours once curses knows them.
        let chosenTheme = try named ?? ThemeLocator.load(themeChoice, environment: environment, background: background)
        let backend: CursesBackend
        do {
            backend = try CursesBackend(noColor: noColor)
        } catch let failure as CursesBackend.Failure {
            throw ClicktraxError.badInput(failure.description)
        }
        defer { backend.shutdown() }
        let theme = ThemeLocator.fitted(chosenTheme, environment: environment, colorCount: backend.colorCount)
        let clipboard = Clipboard(configuredCommand: config.clipboardCommand, environment: environment, timeout: config.helperTimeout) { sequence in
            CursesBackend.writeToTerminal(sequence)
        }
        let delivery = MailDelivery(settings: config.email, environment: environment, timeout: config.helperTimeout)
        let services = AppServices(
            copy: { try clipboard.start($0) },
            writeFile: { text, path in
                // Stdout and stderr are the screen the app is drawn on: tags written there would
                // be drawn over (and be lost).
                if AtomicFile.descriptor(named: path).map({ $0 <= STDERR_FILENO }) == true || path == "/dev/tty" {
                    throw ClicktraxError.badInput("\(path) is this terminal; save to a file (or use export --output - from a shell)")
                }
                try AtomicFile.write(Data(text.utf8), to: path)
            },
            mail: { export, recipients, stop in
                try delivery.deliver(TagEmail(from: delivery.from, to: recipients, export: export), cancelled: { stop.isCancelled })
            },
            suspend: { backend.suspend() },
            page: { text in
                // A private file the pager reads, gone after: the terminal is the pager's meanwhile.
                let path = NSTemporaryDirectory() + "/clicktrax-tags-\(UUID().uuidString).html"
                try PrivateFile.write(Data(text.utf8), to: path)
                defer { unlink(path) }
                let pager = TerminalProgram.pager(environment: environment)
                do {
                    _ = try backend.runOutside { try TerminalProgram.run(pager + [path], environment: environment) }
                } catch Subprocess.Failure.cannotStart(let program, let reason) {
                    throw ClicktraxError.operational("the pager \(program) could not start (\(reason)): set $PAGER, or install less")
                }
            },
            home: environment["HOME"] ?? NSHomeDirectory(),
            currentDirectory: FileManager.default.currentDirectoryPath)
        let (width, height) = backend.size
        var state = AppState(databaseName: global.databasePath, width: width, height: height, tagDefaults: config.tags)
        if !backend.isUTF8 {
            let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { name in environment[name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" } }.first ?? "no LANG"
            state.warnAtStart("\(TerminalSafe.message(locale)) is not UTF-8: text is shown in ASCII (set LANG=C.UTF-8 for every character)")
        }
        if store.isReadOnly { state.warnAtStart("read-only database: you can browse and export, not change") }
        // No password prompt inside the UI (curses owns the terminal): the command or the variable only.
        let invest = InvestSession(settings: config.invest, databasePath: global.databasePath, environment: environment, prompt: false,
                                   helperTimeout: config.helperTimeout)
        let commands = CommandRunner(store: store, services: services, invest: invest)
        let runner = AppRunner(backend: backend, state: state, commands: commands, theme: theme)
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
