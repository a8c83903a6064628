import ArgumentParser
import ClicktraxCore

/// `clicktrax invest resolve ID --keep-mine|--keep-theirs`: settles a conflicting tracker.
struct InvestResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a conflicting tracker: keep this database's version (pushed next) or Invest's.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The conflicting tracker.", valueName: "id"))
    var id: Int64

    @Flag(help: "Keep the version here; the next push sends it over Invest's.")
    var keepMine = false

    @Flag(help: "Take Invest's version; the change made here is dropped.")
    var keepTheirs = false

    func validate() throws {
        guard keepMine != keepTheirs else { throw ValidationError("name one of --keep-mine or --keep-theirs") }
    }

    func run() throws {
        let store = try global.openStore()
        try store.resolveConflict(id: id, keepMine: keepMine)
        if keepMine {
            try ObjectPrinter.line("tracker \(id): kept the version here; clicktrax invest push sends it")
        } else {
            try ObjectPrinter.line("tracker \(id): took Invest's version")
        }
    }
}
