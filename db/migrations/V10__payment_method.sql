-- Which of the invoice's payment methods a payment came through: its proxy reference event, or a
-- transfer to its deposit address. Settlement receipts list each transfer with its route, and an
-- ERC-20 log alone cannot say which method it was. Rows written before this column stay NULL.
ALTER TABLE invoice_payments
    ADD COLUMN method TEXT CHECK (method IN ('reference', 'deposit'));
