-- Applications filed online (掌上办) and their status timeline.
-- Plain types only (TEXT, INTEGER) so the same file can serve PostgreSQL:
-- binary values (ciphertexts, nonces) are base64 TEXT, timestamps are
-- ISO 8601 UTC TEXT, JSON documents are TEXT, flags are INTEGER 0/1.
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
    urgent INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    decision TEXT,                     -- JSON, set with the decision step
    created_at TEXT NOT NULL
);
CREATE INDEX applications_id_hash ON applications (id_hash);
CREATE INDEX applications_queue ON applications (jurisdiction, status, urgent);

CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT,
    actor TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, at);
