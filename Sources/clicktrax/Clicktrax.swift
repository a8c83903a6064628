import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax`: the terminal UI with no subcommand; the same core, scriptable, with one.
@main
struct Clicktrax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clicktrax",
        abstract: "Create and export Microsoft Invest click trackers, offline, in the terminal.",
        discussion: """
            With no subcommand, opens the terminal UI on the database. The database is --database PATH, \
            else $CLICKTRAX_DATABASE, else $XDG_DATA_HOME/clicktrax/clicktrax.sqlite \
            (~/.local/share/clicktrax/clicktrax.sqlite).
            Exit status: 0 success, 1 an operational failure, 2 bad usage or bad input.
            """,
        version: ClicktraxVersion.current,
        subcommands: [
            DemoCommand.self, ImportCommand.self, CheckCommand.self, TrackersCommand.self, ImpTrackersCommand.self, ExportCommand<ClickTrackers>.self, LineItemsCommand.self, PublishersCommand.self,
            PlacementsCommand.self, PaymentRulesCommand.self, AdvertisersCommand.self, InvestCommand.self, ClicksCommand.self,
            ReportCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The colour theme: auto (the default: light on a light terminal background, else default), a name (default, light, high-contrast, mono) or a .toml file.", valueName: "name|path"))
    var theme: String?

    func run() throws {
        // Bad input is reported as such, before anything about the terminal.
        let config = try global.loadConfig()
        _ = try ThemeLocator.load(theme, environment: ProcessInfo.processInfo.environment)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ClicktraxError.badInput(
                "the terminal UI needs a terminal on stdin and stdout; for scripts use the subcommands (clicktrax --help)")
        }
        try TerminalSession(global: global, config: config, themeOption: theme).run()
    }

    /// Runs the command line, turning every failure into one line on stderr and the exit
    /// status of RULES.md §6: 0 success, 1 operational failure, 2 bad usage or bad input.
    static func main() {
        // A reader that went away (`clicktrax … | head`) is a write error to report, not a
        // signal that kills the process mid-way with no word (helpers get the default back).
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ClicktraxError {
            fail(CLIMessages.describe(error), status: error.exitCode)
        } catch let error as InvestError {
            fail(error.description, status: error.exitCode)
        } catch let error as OutputFailure {
            fail(error.message, status: 1)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                do { try ObjectPrinter.line(fullMessage(for: error)) } catch let error as OutputFailure {
                    fail(error.message, status: 1)
                } catch {}
                Foundation.exit(0)
            }
            fail(CLIMessages.usageLine(fullMessage(for: error)), status: 2)
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        StandardError.message(message)
        Foundation.exit(status)
    }
}
