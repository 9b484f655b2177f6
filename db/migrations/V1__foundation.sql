-- PayRelay schema, version 1: the node's own settings, stores, API keys and the transactional outbox.
-- Money columns added by later versions use NUMERIC(78,0): exact base units, and a uint256 fits.

-- Settings that belong to this node rather than to a store (first start time, schema facts, ...).
CREATE TABLE node_settings (
    name        TEXT        PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_.-]{0,99}$'),
    value       TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A store is a merchant's tenant: every invoice, key and webhook belongs to exactly one.
CREATE TABLE stores (
    id                      UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    name                    TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Invoices without an explicit expiry expire this many seconds after creation.
    default_expiry_seconds  INTEGER     NOT NULL DEFAULT 3600 CHECK (default_expiry_seconds BETWEEN 60 AND 2592000),
    is_default              BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- At most one default store per node (the one the bootstrap admin key belongs to).
CREATE UNIQUE INDEX stores_one_default ON stores (is_default) WHERE is_default;

-- API keys are shown once; only a hash is kept. The prefix identifies a key in logs and listings.
CREATE TABLE api_keys (
    id            UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    store_id      UUID        NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    prefix        TEXT        NOT NULL UNIQUE CHECK (length(prefix) BETWEEN 8 AND 32),
    secret_hash   BYTEA       NOT NULL CHECK (octet_length(secret_hash) = 32),
    label         TEXT        NOT NULL DEFAULT '' CHECK (length(label) <= 200),
    scopes        TEXT[]      NOT NULL CHECK (cardinality(scopes) > 0),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_keys_by_store ON api_keys (store_id, created_at);

-- The transactional outbox: every side effect that leaves the database (webhook, email, gossip) is a
-- row written in the same transaction as the change that causes it, then delivered at least once.
-- Rows with the same ordering_key are delivered in id order (e.g. all events of one invoice).
CREATE TABLE outbox (
    id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         UUID        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    store_id         UUID        REFERENCES stores (id) ON DELETE CASCADE,
    channel          TEXT        NOT NULL CHECK (channel IN ('webhook', 'email', 'gossip')),
    event_type       TEXT        NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_.]{0,99}$'),
    ordering_key     TEXT        NOT NULL CHECK (length(ordering_key) BETWEEN 1 AND 200),
    payload          JSONB       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- When the next attempt may start; moved forward with exponential backoff after a failure.
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error       TEXT,
    -- A delivery claimed by a worker until this time; another instance may take it over afterwards.
    locked_until     TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    -- Given up on (e.g. after the retry horizon); kept for inspection and manual redelivery.
    dead_at          TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_by_ordering_key ON outbox (ordering_key, id) WHERE delivered_at IS NULL AND dead_at IS NULL;
