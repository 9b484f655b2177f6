-- PayRelay schema, version 4: access. Where an API key came from, and idempotent POSTs.

-- 'api': created through POST /v1/api-keys; 'bootstrap': the key given by PAYRELAY_BOOTSTRAP_API_KEY;
-- 'generated': the admin key the node made and printed once on its first start.
ALTER TABLE api_keys
    ADD COLUMN origin TEXT NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'bootstrap', 'generated'));
-- A store has at most one live bootstrap key: configuring another one revokes the old one.
CREATE UNIQUE INDEX api_keys_one_live_bootstrap ON api_keys (store_id)
    WHERE origin = 'bootstrap' AND revoked_at IS NULL;

-- The first answer to a request sent with an Idempotency-Key, replayed to retries of the same
-- request for 24 hours. A row is 'in_progress' while the first request runs; a failed request
-- deletes its row, so that nothing is remembered of a request that changed nothing.
CREATE TABLE idempotency_keys (
    store_id           UUID        NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    key                TEXT        NOT NULL CHECK (key ~ '^[\x20-\x7e]{1,255}$'),
    method             TEXT        NOT NULL CHECK (method ~ '^[A-Z]{1,10}$'),
    path               TEXT        NOT NULL CHECK (length(path) BETWEEN 1 AND 2000),
    -- SHA-256 of the method, the path and the canonical JSON of the request body.
    request_hash       BYTEA       NOT NULL CHECK (octet_length(request_hash) = 32),
    status             TEXT        NOT NULL CHECK (status IN ('in_progress', 'completed')),
    response_status    INTEGER     CHECK (response_status BETWEEN 100 AND 599),
    -- The answer's JSON exactly as first sent (TEXT, not JSONB: JSONB would reorder its keys and
    -- refuses \u0000, and a retry must get the same bytes).
    response_body      TEXT,
    response_location  TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    completed_at       TIMESTAMPTZ,
    PRIMARY KEY (store_id, key),
    CHECK ((status = 'completed') = (response_status IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
