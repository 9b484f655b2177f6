-- The outbox relay (dev.payrelay.invoicing.outbox.OutboxRelay) claims the head event of each
-- ordering key of one channel, with a lease. claimed_by names the relay holding the lease, so that a
-- relay whose lease ran out (and was taken over) cannot record an outcome for the event any more.
ALTER TABLE outbox ADD COLUMN claimed_by UUID;

-- Pending events per channel in delivery order: the relay's "head of each ordering key" query.
DROP INDEX outbox_by_ordering_key;
CREATE INDEX outbox_pending_by_channel ON outbox (channel, ordering_key, id)
    WHERE delivered_at IS NULL AND dead_at IS NULL;
