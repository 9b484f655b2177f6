-- PayRelay schema, version 6: webhooks. A store's endpoints, one outbox row per message to an
-- endpoint, and every delivery attempt.
--
-- Delivery runs in two hops, both through the one outbox (V1):
--   1. an event row (channel 'webhook', ordering key = invoice id) is the store's event log; its
--      "delivery" is the fan-out, which inserts one row per matching enabled endpoint;
--   2. a delivery row (channel 'webhook_delivery', ordering key = endpoint id ':' invoice id) is
--      POSTed to its endpoint, retried with backoff, so one failing endpoint holds up no other.

CREATE TABLE webhook_endpoints (
    id                UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    store_id          UUID        NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    url               TEXT        NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2048),
    description       TEXT        NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    event_types       TEXT[]      NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    -- Standard Webhooks secret: 'whsec_' and the base64 of 24 to 32 random bytes. Kept usable,
    -- as signing needs it; shown to the merchant only in the answer that created it.
    secret            TEXT        NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/]{32,44}={0,2}$'),
    enabled           BOOLEAN     NOT NULL DEFAULT TRUE,
    -- Why it is disabled: 'manual' (the merchant) or 'failing' (every attempt failed for too long).
    disabled_reason   TEXT        CHECK (disabled_reason IN ('manual', 'failing')),
    disabled_at       TIMESTAMPTZ,
    -- The first failed attempt since the last successful one; null while it answers.
    failing_since     TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CHECK (enabled = (disabled_reason IS NULL)),
    CHECK ((disabled_reason IS NULL) = (disabled_at IS NULL))
);
CREATE INDEX webhook_endpoints_by_store ON webhook_endpoints (store_id, created_at DESC, id DESC);

-- The outbox learns the delivery channel; a delivery row names its endpoint, and goes with it.
ALTER TABLE outbox DROP CONSTRAINT outbox_channel_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_channel_check
    CHECK (channel IN ('webhook', 'webhook_delivery', 'email', 'gossip'));
ALTER TABLE outbox
    ADD COLUMN webhook_endpoint_id UUID REFERENCES webhook_endpoints (id) ON DELETE CASCADE;
ALTER TABLE outbox ADD CONSTRAINT outbox_delivery_has_endpoint
    CHECK ((channel = 'webhook_delivery') = (webhook_endpoint_id IS NOT NULL));
-- An endpoint's deliveries, newest first (GET /v1/webhooks/{id}/deliveries).
CREATE INDEX outbox_by_webhook_endpoint ON outbox (webhook_endpoint_id, id DESC)
    WHERE webhook_endpoint_id IS NOT NULL;
-- The store's event log, in order (GET /v1/events resumes after an id).
CREATE INDEX outbox_events_by_store ON outbox (store_id, id) WHERE channel = 'webhook';

-- Every attempt to deliver a webhook_delivery row, successful or not.
CREATE TABLE webhook_attempts (
    id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id       BIGINT      NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    endpoint_id       UUID        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    attempted_at      TIMESTAMPTZ NOT NULL,
    succeeded         BOOLEAN     NOT NULL,
    -- Null when no HTTP answer came (refused connection, timeout, refused address).
    status_code       INTEGER     CHECK (status_code BETWEEN 100 AND 599),
    latency_ms        INTEGER     NOT NULL CHECK (latency_ms >= 0),
    -- The first bytes of the answer's body (at most 1 KiB), as text.
    response_excerpt  TEXT        CHECK (octet_length(response_excerpt) <= 4096),
    error             TEXT        CHECK (length(error) <= 500),
    CHECK (succeeded = (status_code BETWEEN 200 AND 299))
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
