import Foundation
import GRDB
import Synchronization

/// The embedded store: one SQLite file through GRDB, a `DatabasePool` in WAL mode (readers never
/// wait for the writer), foreign keys on, versioned migrations. `inMemory()` is for tests.
public final class SQLiteStore: TrackerStore {
    let writer: any DatabaseWriter
    /// Who this process is, for the change log.
    let actor: String
    /// Opened read-only (the user may read the file but not write it): every write is refused.
    public let isReadOnly: Bool
    /// The database file as the user named it (a read-only open may use a URI for it).
    public let path: String
    /// What it keeps in memory between calls, shared with its views of a kind of tracker.
    let caches: SQLiteStoreCaches
    /// The kind of tracker the tracker capabilities (`TrackerRepository`, `ChangeLog`) act on:
    /// click trackers, unless this is a view made by `scoped(to:)`.
    let tables: TrackerTables
    public var trackerKind: TrackerKind { tables.kind }

    /// Opens (creating if needed) the database at `path`. The folder is created private (0700)
    /// and a new file private to its user (0600); SQLite gives its -wal and -shm files the same mode.
    public static func open(path: String) throws -> SQLiteStore {
        try prepareFile(at: path)
        try refuseIfOthersMayWrite(path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            let store = try SQLiteStore(writer: pool, describing: path)
            // Only once SQLite took it for a database: a wrong path's file is left as it was.
            makePrivate(path)
            return store
        } catch let error as DatabaseError {
            // A database this user may read but not write (someone else's file, a read-only
            // mount) can still be listed and exported: opened read-only, every write refused.
            if ReadOnlyDatabase.mayOpen(path, after: error), let store = try? openReadOnly(path: path) {
                StandardError.write("clicktrax: \(TerminalSafe.clip(path, 200)): you can read this database but not write it; opened read-only (changes will be refused)\n")
                return store
            }
            throw describe(error, path: path)
        }
    }

    /// The read-only open: a plain read-only connection where SQLite can use the WAL's shared
    /// memory file, else — when there is no WAL to miss, only the main file — as immutable.
    /// `try?` above: when neither works, the first error (why it could not be opened for
    /// writing) is the one worth telling.
    static func openReadOnly(path: String) throws -> SQLiteStore {
        var config = configuration()
        config.readonly = true
        for candidate in ReadOnlyDatabase.candidates(for: path) {
            if let queue = try? DatabaseQueue(path: candidate, configuration: config),
               let store = try? SQLiteStore(readOnly: queue, describing: path) {
                return store
            }
        }
        throw ClicktraxError.operational("\(path): cannot open the database read-only")
    }

    /// A private database that lives as long as the store: for tests and previews.
    public static func inMemory() throws -> SQLiteStore {
        let queue = try DatabaseQueue(configuration: configuration())
        return try SQLiteStore(writer: queue, describing: ":memory:")
    }

    /// A store on a connection opened read-only: nothing to migrate (a database that needs
    /// upgrading cannot be upgraded by a reader), every write refused by SQLite.
    private init(readOnly queue: DatabaseQueue, describing path: String) throws {
        self.writer = queue
        self.caches = SQLiteStoreCaches()
        self.tables = .click
        self.actor = Self.currentActor()
        self.isReadOnly = true
        self.path = path
        let migrator = SchemaMigrations.migrator
        let current = try queue.read { db in
            // A read of the schema proves SQLite can really read the file through this connection.
            try migrator.hasCompletedMigrations(db) && !migrator.hasBeenSuperseded(db)
        }
        if !current {
            throw ClicktraxError.operational(
                "\(path): the database needs an upgrade by a Clicktrax that can write it (it is read-only here)")
        }
    }

    private init(writer: any DatabaseWriter, describing path: String) throws {
        self.writer = writer
        self.caches = SQLiteStoreCaches()
        self.tables = .click
        self.actor = Self.currentActor()
        self.isReadOnly = false
        self.path = path
        do {
            let migrator = SchemaMigrations.migrator
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw ClicktraxError.operational(
                    "\(path): the database was written by a newer Clicktrax; upgrade Clicktrax to open it")
            }
            try migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    /// The same database, its tracker capabilities acting on `kind`'s trackers; the catalog, the
    /// search, the clicks and the Invest connection are the store's own (the Invest sync moves
    /// click trackers only, for now).
    private init(viewOf store: SQLiteStore, kind: TrackerKind) {
        writer = store.writer
        actor = store.actor
        isReadOnly = store.isReadOnly
        path = store.path
        caches = store.caches
        tables = TrackerTables(kind: kind)
    }

    public func scoped(to kind: TrackerKind) -> any TrackerStore {
        kind == tables.kind ? self : SQLiteStore(viewOf: self, kind: kind)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another clicktrax process may hold the write lock for a moment: wait for it rather
        // than tell the operator "database is locked".
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // An upsert inside a long transaction keeps a statement journal (to undo just that
            // statement on a constraint error); on disk that is a write per row of a big load.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A new database gets 16 KB pages (an existing one keeps its own: SQLite fixes the
            // size with the first write): a million-row import writes each page twice (the WAL,
            // then the checkpoint), and a quarter of the pages is a quarter of the page writes
            // and b-tree splits — about a second less of the kernel's time on this machine.
            try db.execute(sql: "PRAGMA page_size = 16384")
            db.add(function: foldFunction)
        }
        return config
    }

    /// `ctx_fold(text)`: `TextFolding.fold` inside SQL, for case- and accent-insensitive search.
    static let foldFunction = DatabaseFunction("ctx_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return TextFolding.fold(text)
    }

    static func prepareFile(at path: String) throws {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ClicktraxError.operational("\(folder): cannot create the database folder (\(error.localizedDescription))")
            }
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw ClicktraxError.badInput("\(path): is a folder, not a database file") }
            return
        }
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 && errno != EEXIST {
            throw ClicktraxError.operational("\(path): cannot create the database file (\(String(cString: strerror(errno))))")
        }
        if fd >= 0 { close(fd) }
    }

    /// A database (or its -wal or -shm) that other users may write is one whose trackers, tags and
    /// sync state someone else can change under this user: refused, with what to do. (One others
    /// may only read is made private below; one owned by another user that this user cannot
    /// write is opened read-only.)
    static func refuseIfOthersMayWrite(_ path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o022 != 0 else { continue }
            let owner = info.st_uid == geteuid() ? "" : " (it belongs to another user)"
            throw ClicktraxError.operational(
                "\(TerminalSafe.clip(file, 200)): other users may write it (mode 0\(String(info.st_mode & 0o777, radix: 8)))\(owner), so its "
                    + "trackers could be changed under you; it is not used. Make it yours alone (chmod 600), or copy it")
        }
    }

    /// A database others can read (made by hand, or copied with a 022 umask) holds the catalog
    /// and the change log: told once, and made private to its owner (SQLite gives its -wal and
    /// -shm the same mode).
    static func makePrivate(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 != 0,
              info.st_uid == geteuid() else { return }
        let was = String(info.st_mode & 0o777, radix: 8)
        if chmod(path, info.st_mode & 0o700) == 0 {
            StandardError.write("clicktrax: \(TerminalSafe.clip(path, 200)) was readable by others (0\(was)); made it 0\(String(info.st_mode & 0o700, radix: 8))\n")
        } else {
            StandardError.write("clicktrax: \(TerminalSafe.clip(path, 200)) is readable by others (0\(was)) and could not be made private: \(String(cString: strerror(errno)))\n")
        }
    }

    static func describe(_ error: DatabaseError, path: String) -> ClicktraxError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            // Exit 1, an operational failure: the file is there but cannot be used (damaged, or another kind).
            .operational("\(path): not a Clicktrax database, or a damaged one (SQLite says: \(error.message ?? "file is not a database"))")
        case .SQLITE_READONLY:
            .operational("\(path): the database is read-only for this user; nothing was changed")
        case .SQLITE_CANTOPEN, .SQLITE_PERM:
            .operational("\(path): cannot open the database (\(error.message ?? "permission denied"))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .operational("\(path): the database stayed busy for 10 s (another clicktrax is writing); try again")
        case .SQLITE_FULL:
            .operational("\(path): the disk is full; nothing was saved")
        default:
            .operational("\(path): database error: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// What went wrong with one record, in words: SQLite's own message without the statement it
    /// ran (never the SQL, never a Swift error's description).
    static func reason(_ error: Error) -> String {
        guard let error = error as? DatabaseError else {
            return (error as? ClicktraxError).map { "\($0)" } ?? "refused by the database"
        }
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_FOREIGNKEY: return "it refers to an object that is not in the database"
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: return "another object already has this value (\(error.message ?? "unique"))"
        case .SQLITE_CONSTRAINT_NOTNULL: return "a required field is missing (\(error.message ?? "not null"))"
        default: return "the database refused it (\(error.message ?? "\(error.resultCode)"))"
        }
    }

    /// Runs a read, turning SQLite's errors into messages a person can act on.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: it takes the write lock up front, so what it
    /// reads cannot change before it writes — the basis of the optimistic-concurrency check.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let value = try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
            Self.committedWrites.add(1, ordering: .relaxed)
            return value
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    /// Transactions this process committed, any store: a command whose output then cannot be
    /// written says its change was saved (so a script does not run a create again).
    public static let committedWrites = Atomic<Int>(0)

    /// Who made a change, for the change log (shown by `trackers history` and the UI): from
    /// `$USER` and the host name, which anyone can set — so made terminal-safe and bounded.
    static func currentActor() -> String {
        let who = TerminalSafe.clip(CurrentUser.name(), 64) + "@" + TerminalSafe.clip(ProcessInfo.processInfo.hostName, 128)
        return "\(who) pid \(ProcessInfo.processInfo.processIdentifier)"
    }

    public func counts() throws -> CatalogCounts {
        try read { db in
            var counts = CatalogCounts()
            counts.advertisers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advertiser") ?? 0
            counts.lineItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM line_item") ?? 0
            counts.publishers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM publisher") ?? 0
            counts.placements = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM placement") ?? 0
            counts.paymentRules = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment_rule") ?? 0
            counts.trackers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM click_tracker") ?? 0
            return counts
        }
    }

    public func isEmpty() throws -> Bool {
        try read { db in
            // EXISTS stops at the first row; COUNT(*) of a million line items reads them all.
            try Bool.fetchOne(db, sql: """
                SELECT NOT (EXISTS (SELECT 1 FROM click_tracker) OR EXISTS (SELECT 1 FROM line_item)
                    OR EXISTS (SELECT 1 FROM publisher) OR EXISTS (SELECT 1 FROM advertiser)
                    OR EXISTS (SELECT 1 FROM placement) OR EXISTS (SELECT 1 FROM payment_rule))
                """) ?? true
        }
    }

    public func changeCounter() throws -> Int {
        // On the writer's connection: its own commits do not count, another process's do. A
        // reader of the pool would see this process's own commits as changes too.
        // A read first: only a read transaction makes the connection look at the log for
        // others' commits (in WAL mode the counter is not refreshed otherwise).
        try writer.writeWithoutTransaction { db in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema WHERE 0")
            return try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        }
    }

    public func preference(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: ["pref." + key]) }
    }

    public func setPreference(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: ["pref." + key, value])
        }
    }

    public func load(bulk: Bool, _ body: (any CatalogLoader) throws -> Void) throws {
        try write { db in
            // A big load dirties far more pages than SQLite's default 2 MB cache holds; every
            // spill writes them to the WAL again. A larger cache for the load's duration keeps
            // most index pages in memory (it is only allocated as used, and freed after).
            try db.execute(sql: "PRAGMA cache_size = -131072")
            // Only a page-cache size: failing to shrink it back keeps the bigger cache, nothing else.
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            // Inserting a million rows into five B-trees in random key order is slow; building
            // each index once from the finished table is several times faster. The indexes are
            // read from the schema itself, so this follows whatever the migrations made, and it
            // all happens inside the one transaction: a failure leaves them as they were.
            let indexes = bulk ? try Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'line_item' AND sql IS NOT NULL"
            ) : []
            for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
            let loader = SQLiteCatalogLoader(db: db, store: self)
            try body(loader)
            try Self.rebuild(indexes, db)
            try Self.catalogChanged(db)
        }
    }
}
