import ClicktraxCore
import Foundation
import TerminalUI
@testable import ClicktraxApp

/// The whole app over the in-memory terminal and a real (in-memory) database, driven as an
/// operator would: keys, pastes, clicks, resizes. Each input waits for the background work it
/// started, so a test sees what the screen would show a moment later.
final class AppDriver {
    /// What the app asked of the machine around it.
    enum ServiceCall: Equatable {
        case copy(String)
        case write(String, path: String)
        case mail(TagExport, [String])
        case page(String)
    }

    final class Calls: @unchecked Sendable { var calls: [ServiceCall] = [] }

    let backend: MemoryBackend
    let runner: AppRunner
    let store: SQLiteStore
    private let log = Calls()
    var calls: [ServiceCall] { log.calls }
    /// Paths the fake file system says are there already.
    var existingFiles: Set<String> = []

    init(width: Int = 100, height: Int = 16, trackers: Int = 25, emptyDatabase: Bool = false, store given: SQLiteStore? = nil,
         mailOutcome: MailDelivery.Outcome = .sent(command: "sendmail"), copyHelper: [String]? = nil,
         theme: Theme = .builtinDefault) throws {
        let store = try given ?? SQLiteStore.inMemory()
        if !emptyDatabase && given == nil {
            var demo = DemoCatalog(lineItemCount: 50, trackerCount: trackers, seed: 1)
            demo.impressionTrackerCount = 6
            try store.load { _ = try demo.fill($0) }
        }
        self.store = store
        backend = MemoryBackend(width: width, height: height)
        let log = log
        var filesThere: (String) -> Bool = { _ in false }
        let services = AppServices(
            copy: { [copyHelper] text in
                log.calls.append(.copy(text))
                return Clipboard.Pending(text: text, sent: "the terminal by OSC 52 (your terminal decides whether it takes it)",
                                         steps: copyHelper.map { [Clipboard.Pending.Step($0, said: $0[0])] } ?? [])
            },
            writeFile: { text, path in
                if path.contains("/missing/") { throw ClicktraxError.operational("cannot write \(path)") }
                log.calls.append(.write(text, path: path))
            },
            fileExists: { filesThere($0) },
            mail: { export, recipients, _ in log.calls.append(.mail(export, recipients)); return mailOutcome },
            suspend: {}, page: { text in log.calls.append(.page(text)) }, home: "/home/op", currentDirectory: "/work")
        let state = AppState(databaseName: "demo.sqlite", width: width, height: height)
        runner = AppRunner(backend: backend, state: state, commands: CommandRunner(store: store, services: services), theme: theme)
        filesThere = { [unowned self] in self.existingFiles.contains($0) }
        runner.paintFirstFrame()
        settle()
    }

    deinit { runner.stop() }

    var state: AppState { runner.state }
    var screen: ClickTrackersScreen { runner.state.clickTrackers }
    var modals: [Modal] { runner.state.modals }
    var lines: [String] { backend.screen.lines }
    var text: String { lines.joined(separator: "\n") }

    func settle() {
        runner.settle()
        runner.drawFrame()
    }

    /// Lets the loop run (drawing what the inbox brings) until `condition` holds, at most `seconds`.
    @discardableResult
    func waitFor(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            runner.drainInbox()
            runner.settle()
            runner.drawFrame()
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }

    func send(_ event: InputEvent) {
        runner.dispatch(event)
        settle()
    }

    /// An event, without waiting for the background work it starts (to act while it runs).
    func sendAndGoOn(_ event: InputEvent) {
        runner.dispatch(event)
        runner.drawFrame()
    }

    func press(_ keys: KeyPress...) {
        for key in keys { send(.key(key)) }
    }

    func type(_ text: String) { for c in text { press(.char(c)) } }

    func paste(_ text: String) { send(.paste(text)) }

    func click(x: Int, y: Int) { send(.mouse(MouseEvent(.click, x: x, y: y))) }

    func resize(width: Int, height: Int) {
        backend.resize(width: width, height: height)
        if let event = backend.nextEvent(timeoutMilliseconds: 0) { send(event) }
    }

    /// The tracker dialog on top, if it is.
    var trackerDialog: TrackerDialog? {
        if case .tracker(let dialog)? = modals.last { return dialog }
        return nil
    }

    var exportDialog: ExportDialog? {
        if case .export(let dialog)? = modals.last { return dialog }
        return nil
    }

    /// Tabs until the tracker dialog's focus is on `target`.
    func focus(_ target: TrackerDialog.Focus) {
        for _ in 0..<20 where trackerDialog.map({ $0.focus != target }) ?? false { press(KeyPress(.tab)) }
    }

    func focus(_ target: ExportDialog.Focus) {
        for _ in 0..<20 where exportDialog.map({ $0.focus != target }) ?? false { press(KeyPress(.tab)) }
    }

    /// The inside of the top dialog's frame, joined: wrapped lines read back as one text.
    var dialogInside: String {
        lines.compactMap { line -> String? in
            guard let start = line.firstIndex(of: "│"), let end = line.lastIndex(of: "│"), start < end else { return nil }
            return String(line[line.index(start, offsetBy: 2)..<end]).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }.joined()
    }
}
