import Foundation

/// One push, pull or pull-clicks at a time per database, whatever process runs it — the UI's
/// background push, a cron `invest pull`, a second terminal (issue 28: two pushes at once created
/// every tracker twice on Invest). An advisory lock (`flock`) on `DATABASE.sync-lock`: the kernel
/// drops it when its process ends, `kill -9` included, so a dead holder never blocks anyone. The
/// file says who holds it, for the one who waits.
public final class SyncLock: @unchecked Sendable {
    /// Who holds the lock: written into the file by the holder.
    public struct Holder: Codable, Sendable, Equatable {
        public var pid: Int32
        /// `invest push`, `invest pull`, `the terminal UI's push`…
        public var what: String
        /// UTC, Invest's format.
        public var since: String

        public var description: String { "\(what) (process \(pid), since \(since) UTC)" }
    }

    private let fd: Int32
    public let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { release() }

    /// Takes the lock of the database at `databasePath` for `what`, waiting at most `wait`
    /// seconds while another holds it (`waiting` hears who, once). Throws `InvestError.busy`
    /// naming the holder when the wait ends first.
    public static func acquire(databasePath: String, what: String, wait: TimeInterval,
                               waiting: (Holder?) -> Void = { _ in }) throws -> SyncLock {
        let path = databasePath + ".sync-lock"
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ClicktraxError.operational("\(path): cannot open the sync lock (\(String(cString: strerror(errno))))")
        }
        let deadline = Date().addingTimeInterval(wait)
        var told = false
        var polls = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                close(fd)
                throw ClicktraxError.operational("\(path): cannot take the sync lock (\(String(cString: strerror(errno))))")
            }
            let holder = Self.holder(fd)
            guard Date() < deadline else {
                close(fd)
                throw InvestError.busy(holder: holder?.description, waited: Int(wait.rounded()))
            }
            // Told once, when the holder has said who it is (it writes that just after taking
            // the lock), or after half a second without it.
            polls += 1
            if !told && (holder != nil || polls > 5) {
                waiting(holder)
                told = true
            }
            usleep(100_000)
        }
        let me = Holder(pid: getpid(), what: what, since: Timestamp.now())
        if let data = try? JSONEncoder().encode(me) {
            _ = ftruncate(fd, 0)
            _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return SyncLock(fd: fd, path: path)
    }

    /// Who holds the lock of the database, if anyone does (the file names its last holder; only
    /// a lock that cannot be taken means someone holds it now).
    public static func holder(ofDatabase databasePath: String) -> Holder? {
        let fd = open(databasePath + ".sync-lock", O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return holder(fd)
    }

    private static func holder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return try? JSONDecoder().decode(Holder.self, from: Data(buffer.prefix(count)))
    }

    private var released = false

    public func release() {
        guard !released else { return }
        released = true
        // Emptied first: a waiter never reads a holder that has gone.
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
