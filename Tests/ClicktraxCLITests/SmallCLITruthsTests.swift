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
            (["line-items", "search", "wonka", "--limit", "0"], "--limit: must be 1 or more (got 0)"),
            (["line-items", "search", "wonka", "--limit=-3"], "--limit: must be 1 or more (got -3)"),
            (["line-items", "search", "wonka", "--limit", "-1"], "--limit: must be 1 or more (got -1)"),
            (["trackers", "history", "--limit", "0"], "--limit: must be 1 or more (got 0)"),
            (["trackers", "history", "--limit", "-1"], "--limit: must be 1 or more (got -1)"),
            (["report", "--by", "weekday"], "--by: expected one of tracker, line-item, publisher, placement, site-domain, day, hour (got “weekday”)"),
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

    @Test func anUpdateThatChangesNothingWritesNothing() throws {
        let cli = try demo()
        let shown = try cli.run(["trackers", "show", "21378", "--format", "csv"])
        let name = try #require(shown.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").dropFirst().first)
        let same = try cli.run(["trackers", "update", "21378", "--name", String(name)])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Unchanged"), "\(same.stdout)")
        #expect(try cli.run(["trackers", "show", "21378", "--format", "csv"]).stdout == shown.stdout, "no new revision, no new time")
        let history = try cli.run(["trackers", "history", "21378"])
        #expect(!history.stdout.contains("updated"), "no change-log entry: \(history.stdout)")
        let changed = try cli.run(["trackers", "update", "21378", "--name", "Renamed"])
        #expect(changed.stdout.contains("Updated click tracker 21378 (revision 2)"), "\(changed.stdout)")
    }

    @Test func aDamagedDatabaseIsOneLineAndExit1() throws {
        let cli = try demo()
        // Garbage over every page but the first: SQLite opens it, then finds it damaged.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.database))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }))
        try handle.close()
        for arguments in [["trackers", "list"], ["export", "21378"], ["check"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("clicktrax: "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal"))
        }
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

    /// Someone else's database in a folder the user cannot write (root's 0644 file in a 0755
    /// folder, run as `nobody`; as another user, the modes alone): listed and exported through a
    /// read-only open, a change refused with one line, the file and folder left untouched.
    @Test func aDatabaseTheUserCannotWriteIsStillListedAndExported() throws {
        let cli = try demo()
        let expectedList = try cli.run(["trackers", "list", "--format", "csv"]).stdout
        let expectedTag = try cli.run(["export", "21378"]).stdout
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { chmod(folder.path, 0o755); try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("shared.sqlite").path
        try FileManager.default.copyItem(atPath: cli.database, toPath: database)
        let asRoot = geteuid() == 0
        #expect(chmod(database, asRoot ? 0o644 : 0o444) == 0 && chmod(folder.path, asRoot ? 0o755 : 0o555) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))

        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            // Root may write anything: the run drops to `nobody`, who may read the file only.
            let command = asRoot ? "/usr/bin/setpriv" : CLIRunner.binary.path
            let prefix = asRoot ? ["--reuid=nobody", "--regid=nogroup", "--clear-groups", CLIRunner.binary.path] : []
            let result = try Subprocess.run(
                command, prefix + ["--database", database] + arguments, input: Data(),
                environment: cli.environment(["HOME": folder.path]))
            return CLIRunner.Result(status: result.status, stdout: result.stdoutText, stderr: result.stderrText)
        }
        let listed = try run(["trackers", "list", "--format", "csv"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout == expectedList)
        #expect(listed.stderr.contains("opened read-only"), "\(listed.stderr)")
        let exported = try run(["export", "21378"])
        #expect(exported.status == 0 && exported.stdout == expectedTag, "\(exported.stderr)")
        let changed = try run(["trackers", "deactivate", "21378"])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("\(database): the database is read-only for this user; nothing was changed"), "\(changed.stderr)")
        #expect(!changed.stderr.contains("file:"), "the URI of the read-only open is not shown: \(changed.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["shared.sqlite"])
    }
}

/// Ids: within 1 … 2^53 everywhere they come in, never handed out twice — not after a delete,
/// not after `demo --replace` — and a tracker made again under an old id starts past the old
/// one's revisions, so a stale edit of the old one is refused.
@Suite struct TrackerIdTests {
    @Test func idsOutOfRangeAreRefusedWhereverTheyComeIn() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let create = ["trackers", "create", "--name", "x", "--line-item", "74957", "--publisher", "44449"]
        for id in ["0", "9007199254740993"] {
            let result = try cli.run(create + ["--id", id])
            #expect(result.status == 2, "--id \(id): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("from 1 to 9007199254740992"), "\(result.stderr)")
        }
        let file = cli.home.appendingPathComponent("publishers.csv").path
        try "id,name,state\n9007199254740993,Too Big,active\n".write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", file, "--kind", "publisher"])
        #expect(imported.status == 2, "\(imported.stderr)")
        #expect(imported.stderr.contains("line 2") && imported.stderr.contains("from 1 to 9007199254740992"), "\(imported.stderr)")
    }

    @Test func aDeletedIdIsNeverGivenAgainEvenAfterDemoReplace() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        func ids() throws -> [Int64] {
            try cli.run(["trackers", "list", "--format", "csv"]).stdout.split(separator: "\r\n").dropFirst()
                .compactMap { Int64($0.split(separator: ",").first ?? "") }
        }
        let first = try ids()
        #expect(try cli.run(["trackers", "delete", String(first.max()!)]).status == 0)
        let replaced = try cli.run(["demo", "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let second = try ids()
        #expect(second.count == first.count)
        #expect(Set(first).isDisjoint(with: second), "no old id again: \(second.prefix(3))")
        #expect(second.min()! > first.max()!)
        let created = try cli.run(["trackers", "create", "--name", "new", "--line-item", "74957", "--publisher", "44449"])
        #expect(created.stdout.contains("click tracker \(second.max()! + 1) "), "\(created.stdout)")
    }

    @Test func aTrackerMadeAgainUnderAnOldIdRefusesTheOldOnesStaleEdit() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        #expect(try cli.run(["trackers", "update", "21378", "--name", "Edited once"]).status == 0)   // revision 2
        #expect(try cli.run(["trackers", "delete", "21378"]).status == 0)
        let again = try cli.run(["trackers", "create", "--id", "21378", "--name", "Someone else's", "--line-item", "74957", "--publisher", "44449"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("(revision 3)"), "past the old revisions: \(again.stdout)")
        // An editor that read the old tracker at revision 1 or 2 saves: refused, not landed on the new one.
        for stale in ["1", "2"] {
            let save = try cli.run(["trackers", "update", "21378", "--revision", stale, "--name", "Stale edit"])
            #expect(save.status == 1, "revision \(stale): \(save.status) \(save.stderr)")
        }
        #expect(try cli.run(["trackers", "show", "21378"]).stdout.contains("Someone else's"))
    }
}

/// The change log's "by" comes from `$USER` and the host name, which anyone can set.
@Suite struct ChangeLogActorTests {
    @Test func aHostileUserNameIsStoredInertAndBounded() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["demo"]).status == 0)
        let user = "mallory\u{1B}]0;owned\u{07}\u{1B}[2J" + String(repeating: "x", count: 500)
        let created = try cli.run(["trackers", "create", "--name", "x", "--line-item", "74957", "--publisher", "44449"],
                                  environment: ["USER": user, "LOGNAME": user])
        #expect(created.status == 0, "\(created.stderr)")
        let history = try cli.run(["trackers", "history"])
        #expect(!history.stdout.contains("\u{1B}") && !history.stdout.contains("\u{07}"), "no escape reaches the terminal")
        // As stored, not only as a table cuts it.
        let actor = try #require(try SQLiteStore.open(path: cli.database).changes(trackerId: nil, limit: 1).first?.actor)
        #expect(actor.hasPrefix("mallory "), "\(actor.debugDescription)")
        #expect(!actor.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(actor.count < 250, "cut to a sensible length: \(actor.count)")
    }
}

extension SmallCLITruthsTests {
    /// A search that finds nothing says so (on stderr, the output stays a listing); `trackers
    /// show` names the advertiser as the operator knows it.
    @Test func aSearchOfNothingSaysSoAndShowNamesTheAdvertiser() throws {
        let cli = try demo()
        let nothing = try cli.run(["line-items", "search", "zzzzqqq"])
        #expect(nothing.status == 0 && nothing.stderr.contains("no line item matches “zzzzqqq”"), "\(nothing.stderr)")
        let shown = try cli.run(["trackers", "show", "21378"])
        #expect(shown.stdout.contains("Advertiser        Wonka Industries (37236)"), "\(shown.stdout)")
    }

    /// In a database connected to Invest a tracker made or changed here waits for a push: the
    /// command says so and names the one that sends it.
    @Test func aTrackerMadeInAConnectedDatabaseIsSaidToBePending() throws {
        let commands = InvestCommandTests()
        let setup = try commands.connected()
        let made = try setup.run(["trackers", "create", "--name", "Pending one", "--line-item", "74958", "--publisher", "44449"])
        #expect(made.status == 0 && made.stderr.contains("is not on Invest yet") && made.stderr.contains("clicktrax invest push sends it"),
                "\(made.stdout) \(made.stderr)")
    }
}
