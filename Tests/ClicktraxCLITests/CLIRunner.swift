import ClicktraxCore
import Foundation

/// Runs the built `clicktrax` binary as a user would, in a temporary home, on a temporary database.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: URL
    let database: String

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("clicktrax-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        database = home.appendingPathComponent("db/clicktrax.sqlite").path
    }

    /// The binary sits beside the test bundle in the build folder.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CLICKTRAX_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("clicktrax").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("clicktrax")
    }

    /// The environment of every run: a private home, and nothing of the developer's own.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `clicktrax --database DB args…` (or without `--database` when `useDatabase` is false).
    @discardableResult
    func run(
        _ arguments: [String], useDatabase: Bool = true, environment extra: [String: String] = [:], input: String = ""
    ) throws -> Result {
        let result = try Subprocess.run(
            Self.binary.path, (useDatabase ? ["--database", database] : []) + arguments,
            input: Data(input.utf8), environment: environment(extra), passingSecrets: true)
        return Result(status: result.status, stdout: result.stdoutText, stderr: result.stderrText)
    }

    /// Runs a `/bin/sh -c` script (for redirections the runner's pipes cannot make); `arguments`
    /// are its `$0`, `$1`, ….
    func run(shell script: String, _ arguments: [String]) throws -> Result {
        let result = try Subprocess.run("/bin/sh", ["-c", script] + arguments, input: Data(), environment: environment())
        return Result(status: result.status, stdout: result.stdoutText, stderr: result.stderrText)
    }

    /// Runs several commands at once, for races between processes.
    func runConcurrently(_ commands: [[String]], environment extra: [String: String] = [:]) -> [Result] {
        let results = LockedResults(count: commands.count)
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let result = (try? run(commands[index], environment: extra)) ?? Result(status: -1, stdout: "", stderr: "could not start")
            results.set(index, result)
        }
        return results.values
    }
}

/// Results filled in by concurrent runs.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [CLIRunner.Result?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: CLIRunner.Result) {
        lock.lock()
        storage[index] = result
        lock.unlock()
    }

    var values: [CLIRunner.Result] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0! }
    }
}
