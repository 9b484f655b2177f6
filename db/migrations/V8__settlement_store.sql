-- The settlement network's messages this node keeps (dev.payrelay.settlement.SettlementStore):
-- payment proofs it relayed, settlement receipts and attestations, each as its canonical envelope,
-- numbered by a cursor that catch-up sync (/payrelay/sync/1.0.0) pages by. Appends are serialised
-- (an advisory lock), so cursors become visible in order and a reader never skips one.
CREATE TABLE settlement_messages (
    cursor          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SHA-256 of the envelope: the gossip message id; the same message is stored once.
    message_id      BYTEA       NOT NULL UNIQUE CHECK (length(message_id) = 32),
    kind            TEXT        NOT NULL CHECK (kind IN ('proof', 'receipt', 'attestation')),
    -- Proofs and receipts: the invoice they are about (home peer id, invoice id).
    invoice_home    TEXT        CHECK (length(invoice_home) BETWEEN 1 AND 100),
    invoice_id      UUID,
    -- Attestations: the SHA-256 of the receipt they attest.
    receipt_digest  BYTEA       CHECK (length(receipt_digest) = 32),
    envelope        BYTEA       NOT NULL CHECK (length(envelope) BETWEEN 1 AND 65536),
    stored_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'attestation') = (receipt_digest IS NOT NULL)),
    CHECK ((kind = 'attestation') = (invoice_id IS NULL))
);
CREATE INDEX settlement_receipts_by_invoice ON settlement_messages (invoice_home, invoice_id, cursor)
    WHERE kind = 'receipt';
CREATE INDEX settlement_attestations_by_receipt ON settlement_messages (receipt_digest, cursor)
    WHERE kind = 'attestation';

-- How far this node has synced from each peer's store; never moves back.
CREATE TABLE settlement_peer_cursors (
    peer_id     TEXT        PRIMARY KEY CHECK (length(peer_id) BETWEEN 1 AND 100),
    cursor      BIGINT      NOT NULL CHECK (cursor >= 0),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
