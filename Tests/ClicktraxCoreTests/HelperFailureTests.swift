import Foundation
import Testing
@testable import ClicktraxCore

/// External helpers that misbehave: one that forks a child holding its pipes (xclip does), one
/// that hangs, one that stops reading its input; a mail command that fails any of these ways
/// leaves the message in the outbox and says where. The default From is always an address.
@Suite struct HelperFailureTests {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }

    @Test func aHelperWhoseChildKeepsThePipesIsNotWaitedFor() throws {
        var result: Subprocess.Result?
        let took = try seconds {
            result = try Subprocess.run("/bin/sh", ["-c", "echo copied; sleep 30 & exit 0"], input: Data("text".utf8), timeout: 10)
        }
        #expect(result?.status == 0 && result?.timedOut == false)
        #expect(result?.stdoutText == "copied\n", "what it wrote before exiting is kept")
        #expect(took < 3, "returned in \(took) s, not when the forked child ended")
    }

    @Test func aHangingHelperIsStoppedAtItsTimeout() throws {
        var result: Subprocess.Result?
        let took = try seconds { result = try Subprocess.run("/bin/sleep", ["30"], timeout: 0.5) }
        #expect(result?.timedOut == true)
        #expect(result?.succeeded == false)
        #expect(took < 3, "stopped after \(took) s")
    }

    /// The UI's Esc: a flag another thread sets stops the helper at once, told apart from a timeout.
    @Test func aHelperIsStoppedWhenCancelledAndAStoppedMailWaitsInTheOutbox() throws {
        let flag = CancelFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { flag.cancel() }
        let result = try Subprocess.run("/bin/sleep", ["30"], timeout: 60, cancelled: { flag.isCancelled })
        #expect(result.cancelled && !result.timedOut && !result.succeeded)

        let (delivery, folder) = try delivery("sleep 30", timeout: 60)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stop = CancelFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { stop.cancel() }
        do {
            _ = try delivery.deliver(try message(), cancelled: { stop.isCancelled })
            Issue.record("reported as sent")
        } catch {
            #expect("\(error)".contains("was stopped (Esc); the message was NOT sent; it is saved as \(folder.path)/outbox/"), "\(error)")
        }
    }

    @Test func aHelperThatStopsReadingIsSeen() throws {
        let input = Data(repeating: 0x61, count: 1 << 20)
        let result = try Subprocess.run("/bin/sh", ["-c", "head -c 10 >/dev/null"], input: input, timeout: 10)
        #expect(result.status == 0)
        #expect(result.inputTaken < input.count)
        let whole = try Subprocess.run("/bin/sh", ["-c", "cat >/dev/null"], input: input, timeout: 10)
        #expect(whole.inputTaken == input.count)
    }

    func delivery(_ script: String, timeout: Double = 10) throws -> (MailDelivery, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let settings = EmailSettings(from: "ops@example.com", command: ["/bin/sh", "-c", script, "mail"], outbox: folder.path + "/outbox")
        return (MailDelivery(settings: settings, environment: ["PATH": "/usr/bin:/bin"], timeout: timeout), folder)
    }

    func message() throws -> TagEmail {
        var options = TagOptions(type: .link)
        options.use(.redirectURL, value: "https://shop.example/")
        let tracker = Tracker(id: 1, name: "Spring", clickUrl: "https://x.example/", lineItem: ObjectRef(id: 1, name: ""),
                                   publisher: ObjectRef(id: 1, name: ""), lastModified: "")
        return TagEmail(from: "ops@example.com", to: ["a@example.com"], export: try TagExport.make([tracker], options: options))
    }

    @Test(arguments: [
        ("cat >/dev/null; echo 'relay refused' >&2; exit 75", "exited with status 75: relay refused"),
        ("head -c 20 >/dev/null; exit 0", "read "),
        ("sleep 30", "did not finish within 1 s"),
    ])
    func aMailCommandThatFailsLeavesTheMessageInTheOutbox(script: String, told: String) throws {
        let (delivery, folder) = try delivery(script, timeout: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try delivery.deliver(try message())
            Issue.record("\(script): reported as sent")
        } catch let error as ClicktraxError {
            let text = "\(error)"
            #expect(text.contains(told), "\(text)")
            #expect(text.contains("NOT sent"), "\(text)")
            let saved = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/outbox")
            #expect(saved.count == 1 && saved[0].hasSuffix(".eml"), "\(saved)")
            #expect(text.contains(folder.path + "/outbox/" + (saved.first ?? "?")), "the path is told: \(text)")
        }
    }

    @Test func theDefaultFromIsAlwaysAnAddress() {
        for user in ["ops\r\nBcc: all@example.com", "two words", "", "ünï"] {
            let delivery = MailDelivery(settings: EmailSettings(), environment: ["USER": user, "LOGNAME": user])
            #expect(EmailAddress.problem(delivery.from) == nil, "\(user.debugDescription) gave \(delivery.from.debugDescription)")
            #expect(!delivery.from.contains("\r") && !delivery.from.contains("\n"))
        }
    }

    @Test func theHelperTimeoutIsConfigurable() throws {
        #expect(try ClicktraxConfig.parse("[helpers]\ntimeout = 3\n", source: "c.toml").helperTimeout == 3)
        #expect(try ClicktraxConfig.parse("", source: "c.toml").helperTimeout == 10)
        #expect(throws: ClicktraxError.self) { try ClicktraxConfig.parse("[helpers]\ntimeout = 0\n", source: "c.toml") }
        #expect(throws: ClicktraxError.self) { try ClicktraxConfig.parse("[helpers]\nwait = 3\n", source: "c.toml") }
    }
}
