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
        subcommands: [
            DemoCommand.self, TrackersCommand.self, ExportCommand.self, LineItemsCommand.self, PublishersCommand.self,
            PlacementsCommand.self, PaymentRulesCommand.self, AdvertisersCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ClicktraxError.badInput(
                "the terminal UI needs a terminal on stdin and stdout; for scripts use the subcommands (clicktrax --help)")
        }
        let store = try global.openStore()
        let counts = try store.counts()
        // The full-screen UI arrives with the "Click Trackers screen" issue; until then say so
        // plainly rather than open a half-built screen.
        print("""
            Clicktrax — \(global.databasePath)
            \(counts.trackers) click trackers, \(counts.lineItems) line items, \(counts.publishers) publishers.
            The full-screen terminal UI is not built yet; use the subcommands meanwhile (clicktrax --help).
            """)
    }

    /// Runs the command line, turning every failure into one line on stderr and the exit
    /// status of SPEC §6: 0 success, 1 operational failure, 2 bad usage or bad input.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ClicktraxError {
            fail(CLIMessages.describe(error), status: error.exitCode)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            fail(CLIMessages.usageLine(fullMessage(for: error)), status: 2)
        }
    }

    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("clicktrax: \(message)\n".utf8))
        Foundation.exit(status)
    }
}
