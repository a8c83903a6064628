import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax invest resolve ID --keep-mine|--keep-theirs`: settles a conflicting tracker, and
/// (`--keep-theirs`) takes back any change waiting for Invest — pending, refused or
/// conflicting — so a change Invest refuses is never a dead end.
struct InvestResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle a tracker: keep this database's version (pushed next) or Invest's.",
        discussion: """
            --keep-mine settles a conflict: the version here is pushed next, over Invest's. --keep-theirs drops the \
            change made here — a conflicting one, or one waiting to be pushed, or one Invest refused — and restores \
            Invest's copy. A tracker made here and never pushed has no copy on Invest: --keep-theirs removes it, after \
            asking (--yes agrees without asking, for scripts).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The tracker.", valueName: "id"))
    var id: Int64

    @Flag(help: "Keep the version here; the next push sends it over Invest's.")
    var keepMine = false

    @Flag(help: "Take Invest's version; the change made here is dropped.")
    var keepTheirs = false

    @Flag(help: "With --keep-theirs: remove a tracker never pushed without asking.")
    var yes = false

    @OptionGroup var kind: ImpressionsFlag

    func validate() throws {
        guard keepMine != keepTheirs else { throw ValidationError("name one of --keep-mine or --keep-theirs") }
        if yes && keepMine { throw ValidationError("--yes goes with --keep-theirs") }
    }

    func run() throws {
        let store = try global.openStore().scoped(to: kind.kind)
        let noun = kind.kind.shortNoun
        if keepMine {
            try store.resolveConflict(id: id, keepMine: true)
            try ObjectPrinter.line("\(noun) \(id): kept the version here; clicktrax invest push sends it")
            return
        }
        var outcome = try store.keepInvestsCopy(id: id, removingUnpushed: yes).outcome
        if case .needsAgreement(let tracker) = outcome {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ClicktraxError.badInput("\(noun) \(id) (“\(TerminalSafe.clip(tracker.name, 60))”) was made here and never pushed: "
                                              + "Invest has no copy of it to go back to, so --keep-theirs removes it; add --yes to agree")
            }
            StandardError.write("\(noun) \(id) (“\(TerminalSafe.clip(tracker.name, 60))”) was made here and never pushed: Invest has no copy "
                                + "of it. Remove it here? [y/N] ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased().trimmingCharacters(in: .whitespaces)) else {
                try ObjectPrinter.line("\(noun) \(id): kept as it is (still waiting for clicktrax invest push)")
                return
            }
            outcome = try store.keepInvestsCopy(id: id, removingUnpushed: true).outcome
        }
        switch outcome {
        case .restored(let tracker):
            try ObjectPrinter.say("\(noun) \(id): Invest's copy restored (“\(tracker.name)”); the change made here is dropped")
        case .removed(let tracker):
            try ObjectPrinter.say("\(noun) \(id) (“\(tracker.name)”): removed here, as Invest has no copy of it")
        case .needsAgreement:
            break
        }
    }
}
