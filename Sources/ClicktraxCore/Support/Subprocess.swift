import Foundation

/// Runs a program with an argument vector — never through a shell — feeding it stdin and
/// collecting its stdout and stderr. posix_spawn and poll, not Foundation's `Process`, whose
/// `waitUntilExit` is unreliable on Linux when many processes run at once.
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
        /// Bytes of the input the program read before it ended (less than the input: it stopped
        /// reading early — a mail command that did not take the whole message).
        public var inputTaken = 0
        /// Killed after `timeout` seconds.
        public var timedOut = false
        /// Killed because `cancelled` said so.
        public var cancelled = false

        /// Ended by itself with status 0.
        public var succeeded: Bool { status == 0 }

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case cannotStart(program: String, reason: String)
        public var description: String {
            switch self {
            case .cannotStart(let program, let reason): "cannot run \(program): \(reason)"
            }
        }
    }

    /// Runs `program` (a path, or a name looked up on PATH) with `arguments`. The exit status is
    /// the program's, or 128 + the signal that ended it. After `timeout` seconds it is killed
    /// (`timedOut`). Its outputs are read until it exits, then only for a moment: a helper that
    /// leaves a child of its own holding them open (xclip, xsel, wl-copy stay to serve the
    /// clipboard) is not waited for.
    /// Variables no child process is given: the Invest password (`$CLICKTRAX_INVEST_PASSWORD`).
    static let secretVariables: Set<String> = ["CLICKTRAX_INVEST_PASSWORD"]

    public static func run(
        _ program: String, _ arguments: [String] = [], input: Data = Data(), environment: [String: String]? = nil,
        timeout: Double? = nil, cancelled: (@Sendable () -> Bool)? = nil, passingSecrets: Bool = false
    ) throws -> Result {
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        // Pipes are made close-on-exec and spawned under one lock, so a child another thread
        // spawns meanwhile never inherits our pipe ends (and holds them open past our child's
        // exit). dup2 into 0–2 clears the flag for our own child.
        spawnLock.lock()
        var spawnLocked = true
        defer { if spawnLocked { spawnLock.unlock() } }
        for index in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else {
                throw Failure.cannotStart(program: program, reason: String(cString: strerror(errno)))
            }
            fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
            switch index {
            case 0: stdinPipe = fds
            case 1: stdoutPipe = fds
            default: stderrPipe = fds
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        // A helper (mail, clipboard, password command) never inherits the Invest password.
        let env = (environment ?? ProcessInfo.processInfo.environment).filter { passingSecrets || !Self.secretVariables.contains($0.key) }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = SpawnSignals.withDefaults { attributes in posix_spawnp(&pid, program, &actions, &attributes, argv, env) }
        // Our copy of stdin's read end stays open until the end: what is still in the pipe then
        // is what the program did not read (FIONREAD), whatever the pipe's buffer held.
        close(stdoutPipe[1]); close(stderrPipe[1])
        defer { close(stdinPipe[0]) }
        spawnLock.unlock()
        spawnLocked = false
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])  // stdinPipe[0]: the defer
            throw Failure.cannotStart(program: program, reason: String(cString: strerror(spawned)))
        }
        // Non-blocking, so a large input never blocks us while the child waits for us to read.
        _ = fcntl(stdinPipe[1], F_SETFL, fcntl(stdinPipe[1], F_GETFL) | O_NONBLOCK)
        let deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) }
        var exchanged = exchange(input: input, stdin: stdinPipe[1], stdout: stdoutPipe[0], stderr: stderrPipe[0], child: pid, deadline: deadline,
                                 cancelled: cancelled)
        var unread: Int32 = 0
        if ioctl(stdinPipe[0], UInt(FIONREAD), &unread) == 0 { exchanged.written -= Int(unread) }
        var status: Int32
        if let ended = exchanged.status {
            status = ended
        } else {
            // Out of time: killed, then reaped (SIGKILL cannot be ignored, so the wait is short).
            kill(pid, SIGKILL)
            status = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            if !exchanged.cancelled { exchanged.timedOut = true }
        }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: code, stdout: exchanged.stdout, stderr: exchanged.stderr, inputTaken: exchanged.written,
                      timedOut: exchanged.timedOut, cancelled: exchanged.cancelled)
    }

    /// How long the outputs are still read after the program exited: what it wrote before
    /// exiting is in the pipe already; a grandchild holding the pipe is not waited for.
    static let drainAfterExit: UInt64 = 200_000_000

    private static let spawnLock = NSLock()

    private struct Exchanged {
        var stdout = Data()
        var stderr = Data()
        var written = 0
        /// The wait status, once the child was reaped; nil when the deadline came first.
        var status: Int32?
        var timedOut = false
        var cancelled = false
    }

    /// Writes `input` and reads both outputs at once, so a child that fills one pipe while we
    /// wait on another never deadlocks; stops when the child has exited (and its outputs are
    /// drained) or at `deadline`. SIGPIPE is blocked on this thread while writing: a write
    /// that fails gives an error here, not the death of this process.
    private static func exchange(input: Data, stdin: Int32, stdout: Int32, stderr: Int32, child: pid_t, deadline: UInt64?,
                                 cancelled: (@Sendable () -> Bool)?) -> Exchanged {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec()
                sigtimedwait(&blocked, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        var result = Exchanged()
        var written = 0
        var writeFD: Int32 = input.isEmpty ? -1 : stdin
        if input.isEmpty { close(stdin) }
        var open: Set<Int32> = [stdout, stderr]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var drainUntil: UInt64?
        defer {
            if writeFD >= 0 { close(writeFD) }
            open.forEach { close($0) }
        }
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if result.status == nil {
                var status: Int32 = 0
                if waitpid(child, &status, WNOHANG) == child {
                    result.status = status
                    drainUntil = now + drainAfterExit
                    // Nobody reads the rest of the input now.
                    if writeFD >= 0 { close(writeFD); writeFD = -1 }
                }
            }
            if open.isEmpty && writeFD < 0 && result.status != nil { break }
            if let drainUntil, now >= drainUntil { break }
            if result.status == nil, let deadline, now >= deadline { break }
            if result.status == nil, cancelled?() == true {
                result.cancelled = true
                break
            }
            // Wake at least every 20 ms to see whether the child ended (its outputs may stay open).
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writeFD >= 0 { fds.append(pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), 20) < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == writeFD {
                    let count = input.withUnsafeBytes { raw in
                        Glibc.write(writeFD, raw.baseAddress! + written, min(65536, input.count - written))
                    }
                    if count > 0 { written += count }
                    if count < 0 && errno != EINTR && errno != EAGAIN || written >= input.count {
                        close(writeFD)
                        writeFD = -1
                    }
                } else {
                    let count = read(entry.fd, &buffer, buffer.count)
                    if count > 0 {
                        if entry.fd == stdout { result.stdout.append(contentsOf: buffer[0..<count]) } else { result.stderr.append(contentsOf: buffer[0..<count]) }
                    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                        close(entry.fd)
                        open.remove(entry.fd)
                    }
                }
            }
        }
        result.written = written
        return result
    }
}
