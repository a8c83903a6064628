import Foundation

/// posix_spawn attributes that start a child with no signal blocked and every signal at its
/// default: a thread of ours (a dispatch worker, say) may block signals, and a child would inherit
/// that — a terminal program would then never hear SIGWINCH. Shared by `Subprocess` and
/// `TerminalProgram`.
enum SpawnSignals {
    static func withDefaults<R>(_ body: (inout posix_spawnattr_t) -> R) -> R {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return body(&attributes)
    }
}
