import ClicktraxCore
import TerminalUI
import TextTools

/// How a pull or push ended, as the message the UI shows: what changed, and per tracker what a
/// push did — the same words as the command line's.
enum SyncReport {
    static func dialog(_ kind: SyncRun.Kind, _ outcome: SyncOutcome) -> MessageDialog {
        switch outcome {
        case .failed(let why):
            let verb = kind == .pull ? "Pull" : "Push"
            let nothing = kind == .pull ? "Nothing changed here; the next pull resumes from the pages already fetched."
                : "What Invest confirmed is marked pushed; the rest is still pending."
            return MessageDialog(title: "\(verb) failed", lines: [why, nothing], isError: true)
        case .pulled(let summary, let pages, let objects):
            var lines = ["Pulled \(pages.grouped) pages (\(objects.grouped) objects)."]
            lines.append(summary.changedCatalog.map { "New or changed: \($0)." } ?? "The catalog was already up to date.")
            if let removed = summary.removedCatalog { lines.append("Removed (gone from Invest): \(removed).") }
            for kind in TrackerKind.allCases {
                let counts = summary[kind]
                let noun = kind == .click ? "Trackers" : "Impression trackers"
                lines.append("\(noun): \(counts.added) new, \(counts.updated) updated, \(counts.removed) removed.")
                if !counts.conflicts.isEmpty {
                    lines.append("Conflicting (changed here and on Invest; both kept, marked !): "
                                 + counts.conflicts.map(String.init).joined(separator: ", ") + ". Enter on one shows both versions.")
                }
                if !counts.renumbered.isEmpty {
                    lines.append("\(counts.renumbered.count) \(kind.noun)(s) made here before connecting are now pending (marked *).")
                }
            }
            lines += summary.skipped.prefix(5).map { "Skipped \($0)" }
            return MessageDialog(title: "Pull from Invest", lines: lines)
        case .pushed(let results):
            guard !results.isEmpty else { return MessageDialog(title: "Push to Invest", lines: ["Nothing to push."]) }
            let pushed = results.filter { $0.outcome == .pushed }.count
            var lines = ["\(pushed) of \(results.count) pushed."]
            for result in results {
                let what = "\(result.action.rawValue) \(result.kind == .click ? "" : "impression tracker ")\(result.trackerId) “\(result.name)”"
                switch result.outcome {
                case .pushed:
                    lines.append("pushed: \(what)" + (result.investId.map { $0 != result.trackerId ? " → Invest id \($0)" : "" } ?? ""))
                case .refused(let message): lines.append("refused: \(what): \(message)")
                case .conflicting(let why): lines.append("conflicting: \(what): \(why) (Enter on it shows both versions)")
                case .unknown(let why): lines.append("unknown: \(what): \(why); the next push asks Invest first")
                }
            }
            return MessageDialog(title: "Push to Invest", lines: lines, isError: pushed < results.count)
        }
    }
}
