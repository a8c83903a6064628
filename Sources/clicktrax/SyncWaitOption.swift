import ArgumentParser

/// `--wait SECONDS`: how long a push, pull or pull-clicks waits for another one on the same
/// database (another terminal, the UI, a scheduled run) before giving up naming it.
struct SyncWaitOption: ParsableArguments {
    @Option(name: .customLong("wait"),
            help: ArgumentHelp("Seconds to wait for another push, pull or pull-clicks of this database to finish (0: do not wait).",
                               valueName: "seconds"))
    var seconds: Double = 120

    func validate() throws {
        guard seconds >= 0, seconds.isFinite else { throw ValidationError("--wait: expected 0 or more seconds (got \(seconds))") }
    }
}
