-- PayRelay schema, version 3: invoices, their line items and the on-chain payments applied to them.
-- Enumerations are stored as lower-case words; money as uint256 (exact base units, at most 2^256 - 1).

CREATE DOMAIN uint256 AS NUMERIC(78, 0)
    CHECK (VALUE >= 0 AND VALUE <= 115792089237316195423570985008687907853269984665640564039457584007913129639935);

-- What a store needs to issue invoices: its next human number, where reference payments go, the
-- secret its payment references derive from (made by the node on first need), and the account xpub
-- its deposit addresses derive from, with the next child index to hand out.
ALTER TABLE stores
    ADD COLUMN next_invoice_number BIGINT NOT NULL DEFAULT 1 CHECK (next_invoice_number >= 1),
    ADD COLUMN receiving_address   TEXT CHECK (receiving_address ~ '^0x[0-9a-f]{40}$'),
    ADD COLUMN reference_secret    BYTEA CHECK (octet_length(reference_secret) = 32),
    ADD COLUMN xpub                TEXT CHECK (xpub ~ '^[1-9A-HJ-NP-Za-km-z]{100,120}$'),
    ADD COLUMN next_deposit_index  BIGINT NOT NULL DEFAULT 0
        CHECK (next_deposit_index BETWEEN 0 AND 2147483648);
-- Two stores deriving from one xpub would share deposit addresses and see each other's payments.
CREATE UNIQUE INDEX stores_xpub_unique ON stores (xpub) WHERE xpub IS NOT NULL;

CREATE TABLE invoices (
    id                   UUID        PRIMARY KEY,
    store_id             UUID        NOT NULL REFERENCES stores (id),
    number               BIGINT      NOT NULL CHECK (number >= 1),
    -- The currency: an asset on a chain, as the chain's configuration named it at creation.
    chain_id             BIGINT      NOT NULL CHECK (chain_id > 0),
    asset                TEXT        NOT NULL CHECK (asset ~ '^eip155:[0-9]{1,20}/(slip44:60|erc20:0x[0-9a-f]{40})$'),
    currency_symbol      TEXT        NOT NULL CHECK (currency_symbol ~ '^[A-Za-z0-9.]{1,11}$'),
    currency_decimals    INTEGER     NOT NULL CHECK (currency_decimals BETWEEN 0 AND 36),
    currency_contract    TEXT        CHECK (currency_contract ~ '^0x[0-9a-f]{40}$'),
    subtotal             uint256     NOT NULL,
    discount_total       uint256     NOT NULL,
    tax_total            uint256     NOT NULL,
    total                uint256     NOT NULL,
    buyer_name           TEXT        CHECK (length(buyer_name) BETWEEN 1 AND 200),
    buyer_email          TEXT        CHECK (length(buyer_email) BETWEEN 3 AND 254),
    memo                 TEXT        CHECK (length(memo) <= 1000),
    order_id             TEXT        CHECK (order_id ~ '^[A-Za-z0-9._:-]{1,100}$'),
    metadata             JSONB       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    -- In the merchant's order; one payment option per method.
    payment_methods      TEXT[]      NOT NULL CHECK (cardinality(payment_methods) BETWEEN 1 AND 2
                                         AND payment_methods <@ ARRAY['reference', 'deposit_address']),
    -- The pay link's unguessable token.
    pay_token            TEXT        NOT NULL UNIQUE CHECK (pay_token ~ '^[A-Za-z0-9_-]{32}$'),
    -- Reference method: the 16-byte reference, keccak256 of it (the log topic), the store's
    -- receiving address and the proxy contract at creation.
    payment_reference    TEXT        UNIQUE CHECK (payment_reference ~ '^0x[0-9a-f]{32}$'),
    reference_topic      TEXT        UNIQUE CHECK (reference_topic ~ '^0x[0-9a-f]{64}$'),
    reference_recipient  TEXT        CHECK (reference_recipient ~ '^0x[0-9a-f]{40}$'),
    reference_proxy      TEXT        CHECK (reference_proxy ~ '^0x[0-9a-f]{40}$'),
    -- Deposit-address method: the address and its child index under the store's xpub.
    deposit_address      TEXT        UNIQUE CHECK (deposit_address ~ '^0x[0-9a-f]{40}$'),
    deposit_index        BIGINT      CHECK (deposit_index BETWEEN 0 AND 2147483647),
    -- The evaluation last persisted (the clock may have moved it on since: see the expiry job).
    status               TEXT        NOT NULL CHECK (status IN ('open', 'processing', 'paid', 'expired', 'void')),
    exception_status     TEXT        NOT NULL CHECK (exception_status IN ('none', 'partially_paid', 'overpaid', 'paid_late', 'marked')),
    amount_seen          uint256     NOT NULL,
    amount_confirmed     uint256     NOT NULL CHECK (amount_confirmed <= amount_seen),
    amount_due           uint256     NOT NULL CHECK (amount_due <= total),
    expires_at           TIMESTAMPTZ NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    voided_at            TIMESTAMPTZ,
    -- When the node stopped watching the chain for it (paid or void and final, or expired beyond
    -- the late-payment window); null while it is watched.
    watch_closed_at      TIMESTAMPTZ,
    UNIQUE (store_id, number),
    CHECK (total = subtotal - discount_total + tax_total),
    CHECK (expires_at > created_at),
    CHECK ((status = 'void') = (voided_at IS NOT NULL)),
    CHECK ((currency_contract IS NULL) = (asset LIKE '%/slip44:60')),
    CHECK (('reference' = ANY (payment_methods)) = (payment_reference IS NOT NULL)),
    CHECK ((payment_reference IS NULL) = (reference_topic IS NULL)
        AND (payment_reference IS NULL) = (reference_recipient IS NULL)
        AND (payment_reference IS NULL) = (reference_proxy IS NULL)),
    CHECK (('deposit_address' = ANY (payment_methods)) = (deposit_address IS NOT NULL)),
    CHECK ((deposit_address IS NULL) = (deposit_index IS NULL))
);
-- Listing: newest first, ties broken by id (the keyset of the cursor), optionally by status.
CREATE INDEX invoices_by_store ON invoices (store_id, created_at DESC, id DESC);
CREATE INDEX invoices_by_store_status ON invoices (store_id, status, created_at DESC, id DESC);
CREATE INDEX invoices_by_store_order ON invoices (store_id, order_id) WHERE order_id IS NOT NULL;
-- The expiry job: open invoices by expiry.
CREATE INDEX invoices_open_by_expiry ON invoices (expires_at) WHERE status = 'open';
-- Invoices still watched on chain, for the start-up load and for closing stale watches.
CREATE INDEX invoices_watched ON invoices (expires_at) WHERE watch_closed_at IS NULL;

CREATE TABLE invoice_line_items (
    invoice_id   UUID        NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL CHECK (position BETWEEN 0 AND 99),
    description  TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    quantity     NUMERIC     NOT NULL CHECK (quantity > 0 AND quantity <= 1000000000),
    unit_price   uint256     NOT NULL,
    amount       uint256     NOT NULL,
    discount     uint256     NOT NULL CHECK (discount <= amount),
    tax_rate     NUMERIC     NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
    tax          uint256     NOT NULL,
    total        uint256     NOT NULL CHECK (total = amount - discount + tax),
    PRIMARY KEY (invoice_id, position)
);

-- Each on-chain transfer is applied to at most one invoice, ever: the primary key says so.
CREATE TABLE invoice_payments (
    chain_id       BIGINT      NOT NULL CHECK (chain_id > 0),
    tx_hash        TEXT        NOT NULL CHECK (tx_hash ~ '^0x[0-9a-f]{64}$'),
    -- -1 for the value of a plain ETH transaction, which has no log.
    log_index      BIGINT      NOT NULL CHECK (log_index >= -1),
    invoice_id     UUID        NOT NULL REFERENCES invoices (id),
    amount         uint256     NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('seen', 'confirmed', 'finalized', 'removed')),
    block_number   BIGINT      NOT NULL CHECK (block_number >= 0),
    block_hash     TEXT        NOT NULL CHECK (block_hash ~ '^0x[0-9a-f]{64}$'),
    confirmations  BIGINT      NOT NULL CHECK (confirmations >= 0),
    -- When the node first saw it; kept when a reorg re-mines it. Decides whether it came late.
    first_seen_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (chain_id, tx_hash, log_index)
);
CREATE INDEX invoice_payments_by_invoice ON invoice_payments (invoice_id, first_seen_at);
-- Payments that may still change (a reorg can remove them): their invoices stay watched.
CREATE INDEX invoice_payments_unsettled ON invoice_payments (invoice_id) WHERE state IN ('seen', 'confirmed');
