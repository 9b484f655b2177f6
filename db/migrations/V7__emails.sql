-- PayRelay schema, version 7: invoice and receipt emails.

-- Who a store's emails come from. NULL means the node's defaults: the address of
-- payrelay.mail.from, the store's name as the display name, and no Reply-To header.
ALTER TABLE stores
    ADD COLUMN email_from_address TEXT CHECK (email_from_address ~ '^[^\s@<>",]+@[^\s@<>",]+$'
                                              AND length(email_from_address) <= 254),
    ADD COLUMN email_from_name    TEXT CHECK (length(email_from_name) BETWEEN 1 AND 200
                                              AND email_from_name !~ '[\x00-\x1f\x7f]'),
    ADD COLUMN email_reply_to     TEXT CHECK (email_reply_to ~ '^[^\s@<>",]+@[^\s@<>",]+$'
                                              AND length(email_reply_to) <= 254);

-- An email is an outbox row of channel 'email' whose ordering key is 'email:<invoice id>' (so the
-- emails of one invoice go out in order, independently of its webhooks). The invoice's `emails`
-- array lists them, delivered or not: this index finds them without scanning the outbox.
CREATE INDEX outbox_emails_by_key ON outbox (ordering_key, id) WHERE channel = 'email';
