-- Every view, export and change of a case is recorded here (who, what, when).
-- The filing backend writes to it; admins read it.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
