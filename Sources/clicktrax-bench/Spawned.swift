import Foundation

/// Runs a whole process the way a shell would, and times it: from just before `posix_spawn` to
/// `wait4`. (Foundation's
/// `Process` is not used: its `waitUntilExit` was seen to hang on `tmux new-session -d`, whose
/// server lives on.)
struct Spawned {
    var seconds: Double
    var status: Int32

    static func run(_ arguments: [String], stdin: String? = nil, stdout: String? = nil, environment: [String: String]? = nil) throws -> Spawned {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = DispatchTime.now()
        let failure = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
        guard failure == 0 else {
            throw BenchFailure("cannot run \(arguments[0]): \(String(cString: strerror(failure)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Spawned(seconds: seconds, status: (status >> 8) & 0xFF)
    }
}

extension Spawned {
    /// A child's own peak RSS. `wait4` cannot tell it: a child started by `posix_spawn` (vfork)
    /// carries its parent's peak into its own, so every child would look at least as big as the
    /// benchmark. GNU time forks from a small process of its own, so its `%M` is the child's.
    /// Nil without /usr/bin/time (Debian's package `time`).
    static func peakKilobytes(_ arguments: [String], stdin: String? = nil, workFolder: String) throws -> Int? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let report = workFolder + "/peak-rss.txt"
        _ = try run([time, "-f", "%M", "-o", report] + arguments, stdin: stdin)
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
