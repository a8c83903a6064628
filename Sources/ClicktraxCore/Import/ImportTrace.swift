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
}
