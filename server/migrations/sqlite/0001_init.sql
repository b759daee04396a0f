-- 救助通's schema, SQLite flavour. migrations/postgres/ holds the same tables,
-- columns and constraints in PostgreSQL's words; a test compares the two.
-- Conventions shared by both: timestamps are ISO 8601 UTC TEXT
-- (YYYY-MM-DDTHH:MM:SSZ, so text order is time order); JSON documents are
-- TEXT; ciphertexts and nonces of short fields are base64 TEXT; flags are
-- integers 0/1 (sqlx's Any driver reads no SQLite BOOLEAN).

-- Accounts of the worker console. Created by `jiuzhu-server users add`; no
-- account ships with the software.
CREATE TABLE workers (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('township', 'county', 'admin')),
    office TEXT NOT NULL,
    password_hash TEXT NOT NULL,       -- argon2id, PHC string
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

-- The jurisdictions (行政区划代码 of a policy pack) a worker may see and act in.
CREATE TABLE worker_jurisdictions (
    worker_id INTEGER NOT NULL REFERENCES workers (id),
    jurisdiction TEXT NOT NULL,
    PRIMARY KEY (worker_id, jurisdiction)
);

-- Signed-in sessions. The cookie holds a random token; only its hash is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    worker_id INTEGER NOT NULL REFERENCES workers (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_worker ON sessions (worker_id);

-- Applications filed online (掌上办).
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    tracking_code TEXT NOT NULL UNIQUE,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL,        -- keyed hash of the parsed request: a reused key with other content is refused
    jurisdiction TEXT NOT NULL,
    programs TEXT NOT NULL,            -- JSON array of program ids
    household TEXT NOT NULL,           -- JSON, rules-core Household as submitted
    client_screening TEXT,             -- JSON, as the browser sent it (never trusted)
    server_screening TEXT NOT NULL,    -- JSON, rules_core::screen on submission day
    receipt TEXT NOT NULL,             -- JSON, the receipt as answered (retries get it verbatim)
    applicant_name TEXT NOT NULL,
    id_cipher TEXT NOT NULL,           -- AES-256-GCM of the 身份证 number
    id_nonce TEXT NOT NULL,
    id_hash TEXT NOT NULL,             -- HMAC-SHA256 (look-up key), hex
    id_masked TEXT NOT NULL,           -- 440***********12
    mobile_cipher TEXT NOT NULL,
    mobile_nonce TEXT NOT NULL,
    mobile_last4 TEXT NOT NULL,
    address_cipher TEXT NOT NULL,
    address_nonce TEXT NOT NULL,
    consent_text_version TEXT NOT NULL,
    consent_name TEXT NOT NULL,
    consent_at TEXT NOT NULL,
    helper_code TEXT,
    urgent INTEGER NOT NULL,
    status TEXT NOT NULL,
    assigned_to INTEGER REFERENCES workers (id),
    decision TEXT,                     -- JSON, set with the decision
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX applications_id_hash ON applications (id_hash);
CREATE INDEX applications_queue ON applications (jurisdiction, status, urgent, created_at);

-- Photos of 户口簿 / 身份证 sent with an application, encrypted (AES-256-GCM).
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- hukou, id_card, other
    media_type TEXT NOT NULL,          -- image/jpeg, image/png, application/pdf (from the content)
    size INTEGER NOT NULL,
    cipher BLOB NOT NULL,
    nonce TEXT NOT NULL,
    UNIQUE (application_id, position)
);

-- The status timeline of each case; notes are internal to the office.
CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT,
    actor TEXT NOT NULL                -- 'applicant' or 'worker:<username>'
);
CREATE INDEX application_events_application ON application_events (application_id, at);

-- Every view, export and change of a case, and every sign-in (who, what, when).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
