import Catalogue
import Foundation

/// The catalogue's tables on PostgreSQL, as numbered migrations: version N here holds what SQLite's Nth
/// migration holds (`CatalogueStore.schemaVersion`). `hoso_schema` lists the versions applied.
///
/// Migrations run in one transaction under a transaction-level advisory lock: workers starting at once wait
/// for the first one's migrations instead of racing to create the same tables.
enum PostgresSchema {
    /// The advisory lock's key: "hoso" in ASCII, so other applications sharing the server do not collide with it.
    static let lockKey = 0x686F_736F

    static let migrations: [(version: Int, sql: StaticString)] = [
        (1, """
            CREATE TABLE file (
                id TEXT COLLATE "C" PRIMARY KEY,
                title TEXT NOT NULL,
                fonds TEXT,
                retention TEXT,
                access SMALLINT NOT NULL CHECK (access IN (1, 2, 3)),
                start_date TEXT,
                end_date TEXT,
                fields TEXT NOT NULL,
                extra TEXT NOT NULL,
                updated_at DOUBLE PRECISION NOT NULL
            );
            CREATE TABLE document (
                id TEXT COLLATE "C" PRIMARY KEY,
                file_id TEXT COLLATE "C" NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL CHECK (ordinal > 0),
                path TEXT NOT NULL,
                type TEXT, number TEXT, symbol TEXT, date TEXT, issuer TEXT, summary TEXT, signer TEXT,
                access SMALLINT NOT NULL CHECK (access IN (1, 2, 3)),
                fields TEXT NOT NULL,
                extra TEXT NOT NULL,
                page_count INTEGER,
                scan_hash TEXT,
                indexed_version BIGINT,
                updated_at DOUBLE PRECISION NOT NULL,
                UNIQUE (file_id, ordinal)
            );
            CREATE INDEX document_indexed ON document(indexed_version);
            CREATE TABLE page (
                document_id TEXT COLLATE "C" NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                number INTEGER NOT NULL CHECK (number > 0),
                text TEXT NOT NULL,
                words BYTEA NOT NULL,
                mean_confidence DOUBLE PRECISION NOT NULL,
                preprocessing TEXT NOT NULL,
                engine TEXT NOT NULL,
                source_hash TEXT COLLATE "C" NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                saved_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (document_id, number)
            );
            CREATE INDEX page_source ON page(source_hash);
            CREATE INDEX page_confidence ON page(mean_confidence);
            CREATE TABLE token (
                hash TEXT COLLATE "C" PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('public', 'staff', 'secret')),
                created DOUBLE PRECISION NOT NULL,
                revoked BOOLEAN NOT NULL DEFAULT false,
                seq BIGINT GENERATED ALWAYS AS IDENTITY
            );
            CREATE UNIQUE INDEX token_active_name ON token(name) WHERE NOT revoked;
            CREATE TABLE audit (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                time DOUBLE PRECISION NOT NULL,
                token TEXT NOT NULL,
                role TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                remote TEXT
            );
            CREATE INDEX audit_time ON audit(time);
            CREATE INDEX audit_token ON audit(token, time);
            CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;
            CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
                FOR EACH ROW EXECUTE FUNCTION audit_append_only();
            CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
                FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
            """),
        // Where each page's text came from, and the score of the PDF's own text layer when it had one.
        (2, """
            ALTER TABLE page ADD COLUMN text_source TEXT NOT NULL DEFAULT 'ocr'
                CHECK (text_source IN ('ocr', 'layer', 'transcript'));
            ALTER TABLE page ADD COLUMN layer_score DOUBLE PRECISION;
            """),
        // The text as recognised, beside the corrected text kept in `text`, when the correction changed it.
        (3, "ALTER TABLE page ADD COLUMN recognized_text TEXT"),
        // Ingest workers' claims on documents (leases, on the server's clock) and the log of every page
        // recognised, by worker.
        (4, """
            CREATE TABLE work_claim (
                document_id TEXT COLLATE "C" PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
                worker TEXT NOT NULL,
                renewed_at DOUBLE PRECISION NOT NULL,
                expires_at DOUBLE PRECISION NOT NULL
            );
            CREATE INDEX work_claim_worker ON work_claim(worker);
            CREATE TABLE recognition_log (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                document_id TEXT COLLATE "C" NOT NULL,
                page INTEGER NOT NULL,
                worker TEXT NOT NULL,
                at DOUBLE PRECISION NOT NULL
            );
            CREATE INDEX recognition_log_page ON recognition_log(document_id, page);
            CREATE INDEX recognition_log_worker ON recognition_log(worker, at);
            """),
    ]

    static var latest: Int { migrations.last?.version ?? 0 }

    /// Brings the database up to `latest`, or refuses one made by a newer hoso. Multi-statement SQL runs as
    /// a simple query (no parameters in it).
    static func migrate(_ connection: PGConnection) throws {
        try connection.exec("BEGIN")
        do {
            try connection.exec("SELECT pg_advisory_xact_lock($1)", [PGValue(lockKey)])
            try connection.exec("""
                CREATE TABLE IF NOT EXISTS hoso_schema (
                    version INTEGER PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
            let current = try connection.exec("SELECT coalesce(max(version), 0) FROM hoso_schema").int(0, 0) ?? 0
            if current > latest {
                throw CatalogueError("Danh mục trên PostgreSQL \(connection.target.display) được tạo bởi một phiên bản hoso mới hơn (lược đồ \(current), bản này \(latest)); hãy dùng phiên bản đó.")
            }
            for migration in migrations where migration.version > current {
                try connection.execScript(migration.sql)
                try connection.exec("INSERT INTO hoso_schema (version) VALUES ($1)", [PGValue(migration.version)])
            }
            try connection.exec("COMMIT")
        } catch {
            try? connection.exec("ROLLBACK")
            throw error
        }
    }
}
