-- PayRelay schema, version 2: what the chain watcher has seen, and where it stands on each chain.

-- The watcher's cursor per chain: the last block it finished, the recent block hashes it keeps for
-- reorg detection and the transfers it still follows to finality (as JSON, versioned). Written in
-- the same transaction as the observations of the range it ends.
CREATE TABLE chain_watch_cursors (
    chain_id      BIGINT      PRIMARY KEY CHECK (chain_id > 0),
    block_number  BIGINT      NOT NULL CHECK (block_number >= -1),
    block_hash    TEXT        NOT NULL CHECK (block_hash ~ '^0x[0-9a-f]{64}$'),
    cursor        JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every observation the watcher made, once: seen, confirmed, finalized, removed by a reorg. The
-- unique key makes replaying a batch harmless. Invoices derive their payments from these rows.
CREATE TABLE chain_observations (
    id             BIGINT         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_id       BIGINT         NOT NULL CHECK (chain_id > 0),
    kind           TEXT           NOT NULL CHECK (kind IN ('seen', 'confirmed', 'finalized', 'removed')),
    tx_hash        TEXT           NOT NULL CHECK (tx_hash ~ '^0x[0-9a-f]{64}$'),
    -- -1 for the value of a plain ETH transaction, which has no log.
    log_index      BIGINT         NOT NULL CHECK (log_index >= -1),
    block_number   BIGINT         NOT NULL CHECK (block_number >= 0),
    block_hash     TEXT           NOT NULL CHECK (block_hash ~ '^0x[0-9a-f]{64}$'),
    invoice_key    TEXT           NOT NULL CHECK (length(invoice_key) BETWEEN 1 AND 200),
    asset          TEXT           NOT NULL CHECK (length(asset) BETWEEN 1 AND 200),
    recipient      TEXT           NOT NULL CHECK (recipient ~ '^0x[0-9a-f]{40}$'),
    amount         NUMERIC(78, 0) NOT NULL CHECK (amount >= 0),
    confirmations  BIGINT         CHECK (confirmations >= 0),
    observed_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (chain_id, kind, tx_hash, log_index, block_hash)
);
CREATE INDEX chain_observations_by_invoice ON chain_observations (invoice_key, id);
