import GRDB

/// The database schema, as an ordered list of migrations. A migration, once released, is never
/// edited: a change to the schema is a new migration appended here.
enum SchemaMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: catalog, trackers, change log") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2: line item search index") { db in
            try db.execute(sql: v2)
            try SQLiteStore.catalogChanged(db)
        }
        migrator.registerMigration("v3: Invest sync state, outbox and pull staging") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4: clicks and their rollups") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5: click cost in billionths") { db in
            try db.execute(sql: v5)
        }
        // Tables rebuilt without their CHECKs: foreign keys are off while they are swapped, and
        // checked once at the end (GRDB's deferred checks).
        migrator.registerMigration("v6: Invest's values kept as Invest has them", foreignKeyChecks: .deferred) { db in
            try db.execute(sql: v6)
        }
        migrator.registerMigration("v7: line items renamed since the search index was built") { db in
            try db.execute(sql: v7)
        }
        migrator.registerMigration("v8: the revision a push sent, and code clashes") { db in
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9: line items found by the start of their code") { db in
            try db.execute(sql: v9)
        }
        migrator.registerMigration("v10: impression trackers") { db in
            try db.execute(sql: v10)
        }
        migrator.registerMigration("v11: impression trackers synced, external impressions by the hour") { db in
            try db.execute(sql: v11)
        }
        return migrator
    }

    /// Plain SQL, so it reads the same for the planned PostgreSQL backend.
    ///
    /// Placements and payment rules are unique on (id, publisher_id) so a tracker's composite
    /// foreign keys make the database itself refuse a placement or payment rule of another
    /// publisher (SQLite skips a composite key check while any of its columns is NULL, which
    /// is exactly "optional").
    static let v1 = """
        CREATE TABLE setting (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );

        CREATE TABLE advertiser (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive'))
        );

        CREATE TABLE line_item (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive')),
            advertiser_id INTEGER REFERENCES advertiser(id),
            line_item_type TEXT,
            revenue_type TEXT,
            revenue_value REAL,
            currency TEXT,
            start_date TEXT,
            end_date TEXT,
            -- the name folded for search (TextFolding.fold): case, accents and width removed
            search_name TEXT NOT NULL
        );
        CREATE INDEX line_item_by_search_name ON line_item(search_name);
        -- code first: it makes codes unique per advertiser and serves look-ups by code alone
        CREATE UNIQUE INDEX line_item_by_code
            ON line_item(code COLLATE NOCASE, advertiser_id) WHERE code IS NOT NULL;

        CREATE TABLE publisher (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive'))
        );

        CREATE TABLE placement (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive')),
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            width INTEGER,
            height INTEGER,
            UNIQUE (id, publisher_id)
        );
        CREATE INDEX placement_by_publisher ON placement(publisher_id, name);

        CREATE TABLE payment_rule (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive')),
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            pricing_type TEXT NOT NULL DEFAULT 'revshare' CHECK (pricing_type IN ('revshare', 'cpm', 'dynamic')),
            cost_cpm REAL,
            revshare REAL CHECK (revshare IS NULL OR (revshare >= 0 AND revshare <= 1)),
            priority INTEGER CHECK (priority IS NULL OR (priority BETWEEN 1 AND 10)),
            UNIQUE (id, publisher_id)
        );
        CREATE INDEX payment_rule_by_publisher ON payment_rule(publisher_id, name);

        CREATE TABLE click_tracker (
            id INTEGER PRIMARY KEY,
            member_id INTEGER,
            name TEXT NOT NULL,
            code TEXT,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive')),
            click_url TEXT,
            line_item_id INTEGER NOT NULL REFERENCES line_item(id),
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            placement_id INTEGER,
            payment_rule_id INTEGER,
            last_modified TEXT NOT NULL,
            -- grows by one with every saved change: the optimistic-concurrency check
            revision INTEGER NOT NULL DEFAULT 1,
            FOREIGN KEY (placement_id, publisher_id) REFERENCES placement(id, publisher_id),
            FOREIGN KEY (payment_rule_id, publisher_id) REFERENCES payment_rule(id, publisher_id)
        );
        CREATE UNIQUE INDEX click_tracker_code ON click_tracker(code COLLATE NOCASE) WHERE code IS NOT NULL;
        CREATE INDEX click_tracker_by_line_item ON click_tracker(line_item_id);
        CREATE INDEX click_tracker_by_publisher ON click_tracker(publisher_id);
        CREATE INDEX click_tracker_by_placement ON click_tracker(placement_id, publisher_id);
        CREATE INDEX click_tracker_by_payment_rule ON click_tracker(payment_rule_id, publisher_id);
        CREATE INDEX click_tracker_by_name ON click_tracker(name COLLATE NOCASE);

        -- Every tracker create, update, state change and delete, with the tracker before and
        -- after as JSON (Invest fields plus "revision"): the basis of undo and history.
        CREATE TABLE tracker_change (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            changed_at TEXT NOT NULL,
            tracker_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'activated', 'deactivated', 'deleted')),
            before TEXT,
            after TEXT,
            actor TEXT NOT NULL
        );
        CREATE INDEX tracker_change_by_tracker ON tracker_change(tracker_id, seq);
        """

    /// The line item search index (`SearchIndexBuilder`, `SQLiteStore+Search`): derived from
    /// `line_item` and rebuilt from it whenever the catalog changes, so it is never the only copy
    /// of anything. Marking the catalog changed here makes an existing database build it.
    static let v2 = """
        -- every distinct term of the folded names, sorted, a newline after each, in ~1 MB pieces
        CREATE TABLE search_vocabulary (chunk INTEGER PRIMARY KEY, terms BLOB NOT NULL);
        -- per term (its place in the vocabulary): the ordinals of the names holding it, for terms in
        -- more than one name; a term in one name only has its ordinal in search_singles instead
        CREATE TABLE search_postings (term INTEGER PRIMARY KEY, ordinals BLOB NOT NULL);
        -- per term, 262,144 to a piece: the ordinal (little-endian UInt32) if in one name, else 2^32-1
        CREATE TABLE search_singles (chunk INTEGER PRIMARY KEY, ordinals BLOB NOT NULL);
        -- ordinal (place in name order) -> line item id, 65,536 little-endian Int64 per piece
        CREATE TABLE search_ids (chunk INTEGER PRIMARY KEY, ids BLOB NOT NULL);
        """

    /// Working with Invest (`SQLiteStore+Invest`, docs/DESIGN.md "Working with Invest").
    static let v3 = """
        -- Invest's copy of each tracker as last seen (pulled, or confirmed by a push): what a local
        -- edit started from. A tracker whose fields differ from it is pending; one that is here
        -- and not in click_tracker was deleted here (a pending delete).
        CREATE TABLE invest_tracker (
            id INTEGER PRIMARY KEY,
            advertiser_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            code TEXT,
            state TEXT NOT NULL,
            click_url TEXT,
            line_item_id INTEGER NOT NULL,
            publisher_id INTEGER NOT NULL,
            placement_id INTEGER,
            payment_rule_id INTEGER,
            last_modified TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX invest_tracker_by_advertiser ON invest_tracker(advertiser_id);

        -- Changed here and on Invest: both kept (theirs NULL = deleted on Invest) until resolved.
        CREATE TABLE invest_conflict (
            tracker_id INTEGER PRIMARY KEY,
            theirs TEXT,
            reason TEXT NOT NULL,
            found_at TEXT NOT NULL
        );

        -- A request written down before it is sent, so a rerun after any crash asks Invest what
        -- happened instead of sending it again.
        CREATE TABLE invest_outbox (
            tracker_id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            advertiser_id INTEGER NOT NULL,
            intent TEXT,
            base_last_modified TEXT,
            written_at TEXT NOT NULL
        );

        -- Why Invest refused the last push of a tracker (it stays pending).
        CREATE TABLE invest_refusal (
            tracker_id INTEGER PRIMARY KEY,
            message TEXT NOT NULL,
            refused_at TEXT NOT NULL
        );

        -- A pull lands here page by page and reaches the catalog in one transaction at its end;
        -- an interrupted pull resumes from the pages already here.
        CREATE TABLE invest_stage_list (list TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE invest_stage_page (list TEXT NOT NULL, start INTEGER NOT NULL, PRIMARY KEY (list, start)) WITHOUT ROWID;
        CREATE TABLE invest_stage_advertiser (id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL);
        CREATE TABLE invest_stage_line_item (
            id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL, advertiser_id INTEGER,
            line_item_type TEXT, revenue_type TEXT, revenue_value REAL, currency TEXT, start_date TEXT, end_date TEXT
        );
        CREATE TABLE invest_stage_publisher (id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL);
        CREATE TABLE invest_stage_placement (
            id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL, publisher_id INTEGER NOT NULL,
            width INTEGER, height INTEGER
        );
        CREATE TABLE invest_stage_payment_rule (
            id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL, publisher_id INTEGER NOT NULL,
            pricing_type TEXT NOT NULL, cost_cpm REAL, revshare REAL, priority INTEGER
        );
        CREATE TABLE invest_stage_tracker (id INTEGER PRIMARY KEY, advertiser_id INTEGER NOT NULL, json TEXT NOT NULL);
        """

    /// Clicks from the Clicktrackers Feed. A click points at its source (tracker, line item,
    /// publisher, placement, site domain: 0 or '' for none), kept once however many clicks it
    /// has; no foreign keys, since the feed names trackers and line items this database may not
    /// know (yet). Clicks are clustered by time, so a window is one range to replace or read.
    /// The rollups (`ClickRollup`) are what reports read; an import keeps them in step.
    static let v4 = """
        CREATE TABLE click_source (
            id INTEGER PRIMARY KEY,
            tracker_id INTEGER NOT NULL,
            line_item_id INTEGER NOT NULL DEFAULT 0,
            publisher_id INTEGER NOT NULL DEFAULT 0,
            placement_id INTEGER NOT NULL DEFAULT 0,
            site_domain TEXT NOT NULL DEFAULT '',
            UNIQUE (tracker_id, line_item_id, publisher_id, placement_id, site_domain)
        );

        -- click_key: the auction id (its 64 bits as a signed integer), or a negative number of the
        -- import's own for a click without one. The same auction at the same second is one click.
        CREATE TABLE click (
            at INTEGER NOT NULL,
            click_key INTEGER NOT NULL,
            source_id INTEGER NOT NULL,
            media_cost REAL NOT NULL,
            PRIMARY KEY (at, click_key)
        ) WITHOUT ROWID;

        -- One block of time (level: 0 = an hour, then 1, 4, 16 days; start: Unix seconds)
        -- summed per source: `entries` is packed (ClickRollup.Entry), cost in billionths; the
        -- block's own totals beside it (first and last click in Unix seconds), for reports by
        -- time alone.
        CREATE TABLE click_rollup (
            level INTEGER NOT NULL,
            start INTEGER NOT NULL,
            entries BLOB NOT NULL,
            clicks INTEGER NOT NULL,
            cost INTEGER NOT NULL,
            first INTEGER NOT NULL,
            last INTEGER NOT NULL,
            UNIQUE (level, start)
        );

        -- The sources again as one packed BLOB (ClickSourcePack), rebuilt by every import: what a
        -- report reads instead of a row per source.
        CREATE TABLE click_source_pack (id INTEGER PRIMARY KEY CHECK (id = 1), pack BLOB NOT NULL);

        -- For people with sqlite3: the clicks with their sources.
        CREATE VIEW click_detail AS
            SELECT c.at, datetime(c.at, 'unixepoch') AS datetime, s.tracker_id, s.line_item_id, s.publisher_id,
                   s.placement_id, s.site_domain, c.media_cost, CASE WHEN c.click_key > 0 THEN c.click_key END AS auction_id
            FROM click c JOIN click_source s ON s.id = c.source_id;
        """

    /// A click's cost as an integer number of billionths (the unit of the rollups and of
    /// `ClickCost`) instead of a REAL: 3–4 bytes a click instead of 8 — of 10,000,000 clicks,
    /// 45 MB less for an import to write twice (log and database) — and sums that are exact.
    static let v5 = """
        DROP VIEW click_detail;
        CREATE TABLE click_v5 (
            at INTEGER NOT NULL,
            click_key INTEGER NOT NULL,
            source_id INTEGER NOT NULL,
            media_cost_billionths INTEGER NOT NULL,
            PRIMARY KEY (at, click_key)
        ) WITHOUT ROWID;
        INSERT INTO click_v5 (at, click_key, source_id, media_cost_billionths)
            SELECT at, click_key, source_id, CAST(round(media_cost * 1e9) AS INTEGER) FROM click ORDER BY at, click_key;
        DROP TABLE click;
        ALTER TABLE click_v5 RENAME TO click;

        CREATE VIEW click_detail AS
            SELECT c.at, datetime(c.at, 'unixepoch') AS datetime, s.tracker_id, s.line_item_id, s.publisher_id,
                   s.placement_id, s.site_domain, c.media_cost_billionths / 1e9 AS media_cost,
                   CASE WHEN c.click_key > 0 THEN c.click_key END AS auction_id
            FROM click c JOIN click_source s ON s.id = c.source_id;
        """

    /// RULES.md §10: what comes from Invest is stored as Invest has it. The CHECKs of v1 held every
    /// stored value to the input rules — a `state` of `pending`, a `pricing_type` of Invest's own,
    /// a revshare of 1.2 stopped a whole pull. The rules now judge input only (`InputRule`), so the
    /// tables are rebuilt without them (SQLite cannot drop a CHECK in place), and a line item's
    /// code index no longer refuses a second holder: uniqueness per advertiser is an input rule
    /// for the operator's own rows, not a property of Invest's catalog.
    static let v6 = """
        CREATE TABLE advertiser_v6 (id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'active');
        INSERT INTO advertiser_v6 SELECT id, code, name, state FROM advertiser;
        DROP TABLE advertiser;
        ALTER TABLE advertiser_v6 RENAME TO advertiser;

        CREATE TABLE publisher_v6 (id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'active');
        INSERT INTO publisher_v6 SELECT id, code, name, state FROM publisher;
        DROP TABLE publisher;
        ALTER TABLE publisher_v6 RENAME TO publisher;

        CREATE TABLE line_item_v6 (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active',
            advertiser_id INTEGER REFERENCES advertiser(id),
            line_item_type TEXT,
            revenue_type TEXT,
            revenue_value REAL,
            currency TEXT,
            start_date TEXT,
            end_date TEXT,
            search_name TEXT NOT NULL
        );
        INSERT INTO line_item_v6 SELECT id, code, name, state, advertiser_id, line_item_type, revenue_type, revenue_value,
            currency, start_date, end_date, search_name FROM line_item;
        DROP TABLE line_item;
        ALTER TABLE line_item_v6 RENAME TO line_item;
        CREATE INDEX line_item_by_search_name ON line_item(search_name);
        CREATE INDEX line_item_by_code ON line_item(code COLLATE NOCASE, advertiser_id) WHERE code IS NOT NULL;

        CREATE TABLE placement_v6 (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active',
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            width INTEGER,
            height INTEGER,
            UNIQUE (id, publisher_id)
        );
        INSERT INTO placement_v6 SELECT id, code, name, state, publisher_id, width, height FROM placement;
        DROP TABLE placement;
        ALTER TABLE placement_v6 RENAME TO placement;
        CREATE INDEX placement_by_publisher ON placement(publisher_id, name);

        CREATE TABLE payment_rule_v6 (
            id INTEGER PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active',
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            pricing_type TEXT NOT NULL DEFAULT 'revshare',
            cost_cpm REAL,
            revshare REAL,
            priority INTEGER,
            UNIQUE (id, publisher_id)
        );
        INSERT INTO payment_rule_v6 SELECT id, code, name, state, publisher_id, pricing_type, cost_cpm, revshare, priority FROM payment_rule;
        DROP TABLE payment_rule;
        ALTER TABLE payment_rule_v6 RENAME TO payment_rule;
        CREATE INDEX payment_rule_by_publisher ON payment_rule(publisher_id, name);

        CREATE TABLE click_tracker_v6 (
            id INTEGER PRIMARY KEY,
            member_id INTEGER,
            name TEXT NOT NULL,
            code TEXT,
            state TEXT NOT NULL DEFAULT 'active',
            click_url TEXT,
            line_item_id INTEGER NOT NULL REFERENCES line_item(id),
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            placement_id INTEGER,
            payment_rule_id INTEGER,
            last_modified TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            FOREIGN KEY (placement_id, publisher_id) REFERENCES placement(id, publisher_id),
            FOREIGN KEY (payment_rule_id, publisher_id) REFERENCES payment_rule(id, publisher_id)
        );
        INSERT INTO click_tracker_v6 SELECT id, member_id, name, code, state, click_url, line_item_id, publisher_id, placement_id,
            payment_rule_id, last_modified, revision FROM click_tracker;
        DROP TABLE click_tracker;
        ALTER TABLE click_tracker_v6 RENAME TO click_tracker;
        CREATE UNIQUE INDEX click_tracker_code ON click_tracker(code COLLATE NOCASE) WHERE code IS NOT NULL;
        CREATE INDEX click_tracker_by_line_item ON click_tracker(line_item_id);
        CREATE INDEX click_tracker_by_publisher ON click_tracker(publisher_id);
        CREATE INDEX click_tracker_by_placement ON click_tracker(placement_id, publisher_id);
        CREATE INDEX click_tracker_by_payment_rule ON click_tracker(payment_rule_id, publisher_id);
        CREATE INDEX click_tracker_by_name ON click_tracker(name COLLATE NOCASE);

        -- What a staged page could not keep (skipped = 1: an object; 0: a value left empty),
        -- staged with it so a resumed pull still says so.
        CREATE TABLE invest_stage_note (list TEXT NOT NULL, start INTEGER NOT NULL, skipped INTEGER NOT NULL, note TEXT NOT NULL);
        """

    /// The search index's overlay (`SearchOverlay`): line items renamed or added by a pull since
    /// the index was built, with the folded name the index holds for each (NULL: added since).
    /// The index answers for every other line item; a rebuild empties it.
    static let v7 = """
        CREATE TABLE search_stale (id INTEGER PRIMARY KEY, old_name TEXT);
        """

    /// Issue 28. The outbox keeps the revision of the tracker the request carried: an edit made
    /// while the push ran (a newer revision) stays local and pending on top of Invest's new copy,
    /// instead of being overwritten by it. A conflict may be a code clash: a pulled tracker whose
    /// code a tracker pending here holds (`clash_with`: the pulled one's id).
    static let v8 = """
        ALTER TABLE invest_outbox ADD COLUMN revision INTEGER;
        ALTER TABLE invest_conflict ADD COLUMN clash_with INTEGER;
        """

    /// Issue 30. Operators type the start of a code, in any case, with or without its separators
    /// (`wnk-hol`, `WNKHOL`): an index on the code's key — ASCII lowercase, `-`, `_`, `.` and spaces
    /// taken out — made of SQLite's own functions, so any SQLite can maintain it.
    /// `LineItemCodeKey.sql` is the same expression, character for character (SQLite uses an
    /// index on an expression only for that very expression).
    static let v9 = """
        CREATE INDEX line_item_by_code_key ON line_item(\(LineItemCodeKey.sql)) WHERE code IS NOT NULL;
        """

    /// Impression trackers (RULES.md §12): Invest numbers them apart from click trackers, so they
    /// get tables of their own — the click trackers' columns and indexes, and a change log of their
    /// own — and one SQL text serves both kinds (`TrackerTables`). `click_url` is there so the text
    /// is the same, and is always NULL: an impression leads nowhere.
    static let v10 = """
        CREATE TABLE imp_tracker (
            id INTEGER PRIMARY KEY,
            member_id INTEGER,
            name TEXT NOT NULL,
            code TEXT,
            state TEXT NOT NULL DEFAULT 'active',
            click_url TEXT CHECK (click_url IS NULL),
            line_item_id INTEGER NOT NULL REFERENCES line_item(id),
            publisher_id INTEGER NOT NULL REFERENCES publisher(id),
            placement_id INTEGER,
            payment_rule_id INTEGER,
            last_modified TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            FOREIGN KEY (placement_id, publisher_id) REFERENCES placement(id, publisher_id),
            FOREIGN KEY (payment_rule_id, publisher_id) REFERENCES payment_rule(id, publisher_id)
        );
        CREATE UNIQUE INDEX imp_tracker_code ON imp_tracker(code COLLATE NOCASE) WHERE code IS NOT NULL;
        CREATE INDEX imp_tracker_by_line_item ON imp_tracker(line_item_id);
        CREATE INDEX imp_tracker_by_publisher ON imp_tracker(publisher_id);
        CREATE INDEX imp_tracker_by_placement ON imp_tracker(placement_id, publisher_id);
        CREATE INDEX imp_tracker_by_payment_rule ON imp_tracker(payment_rule_id, publisher_id);
        CREATE INDEX imp_tracker_by_name ON imp_tracker(name COLLATE NOCASE);

        CREATE TABLE imp_tracker_change (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            changed_at TEXT NOT NULL,
            tracker_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'activated', 'deactivated', 'deleted')),
            before TEXT,
            after TEXT,
            actor TEXT NOT NULL
        );
        CREATE INDEX imp_tracker_change_by_tracker ON imp_tracker_change(tracker_id, seq);
        """

    /// Issue 32. Impression trackers reach Invest through `/imptracker` with the click trackers'
    /// guarantees: Invest's copies, the outbox, conflicts, refusals and a stage of their own (the
    /// click trackers' tables, column for column: `TrackerTables` names them). And Network
    /// Analytics' external impressions (imp_type 9) and clicks (10), per hour, line item, publisher
    /// and placement (0: none): no tracker id, since no report has one.
    static let v11 = """
        CREATE TABLE invest_imp_tracker (
            id INTEGER PRIMARY KEY,
            advertiser_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            code TEXT,
            state TEXT NOT NULL,
            click_url TEXT,
            line_item_id INTEGER NOT NULL,
            publisher_id INTEGER NOT NULL,
            placement_id INTEGER,
            payment_rule_id INTEGER,
            last_modified TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX invest_imp_tracker_by_advertiser ON invest_imp_tracker(advertiser_id);
        CREATE TABLE invest_imp_conflict (
            tracker_id INTEGER PRIMARY KEY,
            theirs TEXT,
            reason TEXT NOT NULL,
            found_at TEXT NOT NULL,
            clash_with INTEGER
        );
        CREATE TABLE invest_imp_outbox (
            tracker_id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            advertiser_id INTEGER NOT NULL,
            intent TEXT,
            base_last_modified TEXT,
            written_at TEXT NOT NULL,
            revision INTEGER
        );
        CREATE TABLE invest_imp_refusal (
            tracker_id INTEGER PRIMARY KEY,
            message TEXT NOT NULL,
            refused_at TEXT NOT NULL
        );
        CREATE TABLE invest_stage_imp_tracker (id INTEGER PRIMARY KEY, advertiser_id INTEGER NOT NULL, json TEXT NOT NULL);

        CREATE TABLE impression_hour (
            hour INTEGER NOT NULL, -- the hour's start, Unix seconds UTC
            line_item_id INTEGER NOT NULL,
            publisher_id INTEGER NOT NULL,
            placement_id INTEGER NOT NULL,
            impressions INTEGER NOT NULL,
            clicks INTEGER NOT NULL,
            PRIMARY KEY (hour, line_item_id, publisher_id, placement_id)
        ) WITHOUT ROWID;
        """
}
