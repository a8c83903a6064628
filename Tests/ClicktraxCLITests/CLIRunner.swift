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

    /// Runs `clicktrax --database DB args…` (or without `--database` when `useDatabase` is false).
    @discardableResult
    func run(_ arguments: [String], useDatabase: Bool = true, environment extra: [String: String] = [:]) throws -> Result {
        let launched = try start((useDatabase ? ["--database", database] : []) + arguments, environment: extra)
        return launched.wait()
    }

    /// A process started and not yet waited for, its output going to files.
    ///
    /// Spawned with posix_spawn and reaped with waitpid rather than Foundation's `Process`,
    /// whose `waitUntilExit` crashes ("Index out of range") when parallel tests run many
    /// processes at once on Linux.
    struct Launched {
        let pid: pid_t
        let stdoutFile: URL
        let stderrFile: URL

        func wait() -> Result {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let exited = status & 0x7F == 0
            let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            let stdout = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
            return Result(status: code, stdout: stdout, stderr: stderr)
        }
    }

    /// Starts `clicktrax args…` without waiting, for races between processes.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Launched {
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        let run = UUID().uuidString
        let stdoutFile = home.appendingPathComponent("\(run).out"), stderrFile = home.appendingPathComponent("\(run).err")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([Self.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, Self.binary.path, &actions, nil, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return Launched(pid: pid, stdoutFile: stdoutFile, stderrFile: stderrFile)
    }
}
