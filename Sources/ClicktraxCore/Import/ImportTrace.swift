import Dispatch
import Foundation

/// `CLICKTRAX_IMPORT_TRACE=1`: when each phase of an import (catalog or clicks) ended, on
/// stderr — for the benchmarks and for finding where a slow import spends its time.
enum ImportTrace {
    static let tracing = ProcessInfo.processInfo.environment["CLICKTRAX_IMPORT_TRACE"] == "1"
    /// Set by the first mark (a static is made when first used): times are from then on.
    static let start = DispatchTime.now().uptimeNanoseconds

    static func mark(_ phase: String) {
        guard tracing else { return }
        let begin = start
        let ms = Double(DispatchTime.now().uptimeNanoseconds &- begin) / 1e6
        StandardError.write(String(format: "import trace: %8.1f ms %@\n", ms, phase))
    }

    /// A mark that also says how much CPU the calling thread has used: the reader's and the
    /// writer's at the end of the records show which of the two the import waited for.
    static func markWithThreadCPU(_ phase: String) {
        guard tracing else { return }
        var used = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used)
        mark(String(format: "%@ (this thread's CPU: %.0f ms)", phase, Double(used.tv_sec) * 1e3 + Double(used.tv_nsec) / 1e6))
    }
}
