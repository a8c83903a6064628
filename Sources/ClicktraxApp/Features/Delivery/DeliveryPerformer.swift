import ClicktraxCore
import Foundation

/// Gets tags out: the remembered export options, the trackers an export works on, the
/// clipboard and mail helpers (in the background, stoppable with Esc), files written whole.
final class DeliveryPerformer {
    let store: any TrackerRepository & Preferences
    let services: AppServices
    let background: BackgroundWork
    /// The clipboard or mail helper running in the background, to stop on Esc.
    let helper: RunningHelper
    static let lastExportKey = "export.last-options"

    init(store: any TrackerRepository & Preferences, services: AppServices, background: BackgroundWork,
         helper: RunningHelper = RunningHelper()) {
        self.helper = helper
        self.store = store
        self.services = services
        self.background = background
    }

    func perform(_ command: DeliveryCommand) throws -> [AppMessage] {
        try perform(command).map { .delivery($0) }
    }

    private func perform(_ command: DeliveryCommand) throws -> [DeliveryMessage] {
        switch command {
        case .readExportOptions:
            let json = try store.preference(Self.lastExportKey)
            // Options kept by an older version that no longer decode: the defaults, as on a first export.
            return [.exportOptionsRead(json.flatMap { try? JSONDecoder().decode(TagOptions.self, from: Data($0.utf8)) })]
        case .rememberExportOptions(let options):
            // Encoding a struct of strings and flags cannot fail.
            if let json = try? JSONEncoder().encode(options) {
                try store.setPreference(Self.lastExportKey, String(decoding: json, as: UTF8.self))
            }
            return []
        case .readExportTrackers(let ids, let purpose):
            return [.exportTrackersRead(try store.trackers(ids: ids), for: purpose)]
        case .copy(let export):
            let pending = try services.copy(export.text)
            guard let helper = pending.helper else { return [.copied(export, destination: pending.sentSoFar)] }
            // The helper may take up to its timeout: never on the loop, and Esc stops it.
            let cancellation = CancelFlag()
            self.helper.cancellation = cancellation
            background.run {
                do {
                    return [.delivery(.copied(export, destination: try pending.finish(cancelled: { cancellation.isCancelled })))]
                } catch {
                    return [.delivery(.copyFailed(ClicktraxError.from(error).description))]
                }
            }
            return [.helperStarted("Copying with \(helper)…" + (pending.sentSoFar.contains("OSC 52") ? " (OSC 52 sent already)" : ""))]
        case .page(let export):
            try services.page(export.text)
            return []
        case .cancelHelper:
            helper.cancellation?.cancel()
            return []
        case .saveFile(let text, let path, let replacing):
            let absolute = services.absolute(path)
            if !replacing && services.fileExists(absolute) { return [.fileExists(path: absolute)] }
            do {
                try services.writeFile(text, absolute)
                return [.saved(path: absolute)]
            } catch {
                return [.saveFailed("\(error)")]
            }
        case .email(let export, let recipients):
            // The mail command may take up to its timeout: in the background, and Esc stops it
            // (the message then waits in the outbox, as after any failed send).
            let cancellation = CancelFlag()
            helper.cancellation = cancellation
            let mail = services.mail
            background.run {
                do {
                    return [.delivery(.mailed(try mail(export, recipients, cancellation), recipients: recipients))]
                } catch {
                    return [.delivery(.mailFailed(ClicktraxError.from(error).description))]
                }
            }
            return [.helperStarted("Sending the email…")]
        }
    }
}
