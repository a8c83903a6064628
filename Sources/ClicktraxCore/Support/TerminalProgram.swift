import Foundation

/// Runs a program on the terminal itself — its stdin, stdout and stderr are the app's — and
/// waits for it to end: the pager the tags view opens. Never through a shell; the Invest
/// password is not passed on (`Subprocess.secretVariables`).
public enum TerminalProgram {
    /// `$PAGER` split at white space, else `less -S` (long lines scroll sideways, whole).
    public static func pager(environment: [String: String]) -> [String] {
        let words = (environment["PAGER"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        return words.isEmpty ? ["less", "-S"] : words
    }

    /// The program's exit status (128 + the signal that ended it).
    public static func run(_ command: [String], environment: [String: String]) throws -> Int32 {
        guard let program = command.first else { throw Subprocess.Failure.cannotStart(program: "", reason: "no program named") }
        let argv = command.map { strdup($0) } + [nil]
        let env = environment.filter { !Subprocess.secretVariables.contains($0.key) }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = SpawnSignals.withDefaults { attributes in posix_spawnp(&pid, program, nil, &attributes, argv, env) }
        guard spawned == 0 else { throw Subprocess.Failure.cannotStart(program: program, reason: String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
