import ClicktraxCore
import Foundation
import Testing

/// Small things the command line must get right: empty paths and limits refused as usage,
/// repeated and comma-listed ids taken once, contradictory flags refused, a database others
/// can read made private and said so.
@Suite struct SmallCLITruthsTests {
    func demo() throws -> CLIRunner {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        return cli
    }

    @Test func emptyPathsAndLimitsAreUsageErrors() throws {
        let cli = try demo()
        let cases: [([String], String)] = [
            (["--database", "", "trackers", "list"], "--database: an empty path"),
            (["--config", "", "trackers", "list"], "--config: an empty path"),
            (["line-items", "search", "wonka", "--limit", "0"], "--limit: expected a positive number"),
            (["line-items", "search", "wonka", "--limit=-3"], "--limit: expected a positive number"),
            (["trackers", "history", "--limit", "0"], "--limit: expected a positive number"),
            (["export", "21378", "--no-macros", "--macro", "cachebuster"], "--no-macros and --macro contradict"),
        ]
        for (arguments, message) in cases {
            let result = try cli.run(arguments, useDatabase: arguments.first != "--database")
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count <= 2, "\(arguments): short: \(result.stderr)")
        }
    }

    @Test func aRepeatedIdIsTakenOnceAndCommaListsWork() throws {
        let cli = try demo()
        let deactivated = try cli.run(["trackers", "deactivate", "21378,21379", "21378"])
        #expect(deactivated.status == 0, "\(deactivated.stderr)")
        #expect(deactivated.stdout == "Tracker 21378 is inactive.\nTracker 21379 is inactive.\n", "\(deactivated.stdout)")
        let exported = try cli.run(["export", "21378", "21378,21378"])
        let once = try cli.run(["export", "21378"])
        #expect(exported.stdout == once.stdout)
        let deleted = try cli.run(["trackers", "delete", "21380,21380"])
        #expect(deleted.status == 0 && deleted.stdout.components(separatedBy: "Deleted tracker 21380").count == 2, "\(deleted.stdout)")
        let bad = try cli.run(["trackers", "activate", "21378,x"])
        #expect(bad.status == 2 && bad.stderr.contains("“x” is not a tracker ID"))
    }

    @Test func aDatabaseOthersCanReadIsMadePrivateAndSaidSo() throws {
        let cli = try demo()
        #expect(chmod(cli.database, 0o644) == 0)
        let listed = try cli.run(["trackers", "list", "--format", "csv"])
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("was readable by others (0644); made it 0600"), "\(listed.stderr)")
        var info = stat()
        #expect(stat(cli.database, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let again = try cli.run(["trackers", "list", "--format", "csv"])
        #expect(again.stderr.isEmpty, "told once: \(again.stderr)")
    }
}
