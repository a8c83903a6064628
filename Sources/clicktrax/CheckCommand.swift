import ArgumentParser
import ClicktraxCore
import Foundation

/// `clicktrax check`: is this database sound? SQLite's integrity and foreign key checks, and
/// the change log replayed against the trackers. Exit 0 and one line when it is; exit 1 and
/// each problem (up to 20) when not. The crash-safety and concurrency scripts end with it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: SQLite integrity, foreign keys, and the change log against the trackers.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let problems = try store.check(limit: 20)
        guard problems.isEmpty else {
            for problem in problems { ObjectPrinter.note(problem) }
            throw ExitCode(1)
        }
        let trackers = try store.trackerCount(TrackerQuery())
        let impressionTrackers = try store.scoped(to: .impression).trackerCount(TrackerQuery())
        let others = impressionTrackers == 0 ? "" : " and \(impressionTrackers) impression tracker\(impressionTrackers == 1 ? "" : "s")"
        try ObjectPrinter.line("ok: \(global.databasePath) passes SQLite's integrity and foreign key checks, and its change logs account for all "
            + "\(trackers) trackers\(others)")
    }
}
