package dev.payrelay.invoicing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.ExceptionStatus;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event payloads, version 1, as the golden text webhook receivers rely on. */
class InvoiceEventPayloadsTest {

  static final Asset USDC =
      new Asset.Erc20(
          ChainId.MAINNET, Address.parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"), "USDC", 6);

  final ObjectMapper json = new ObjectMapper();
  final InvoiceEventPayloads payloads = new InvoiceEventPayloads(json);

  final InvoiceSummary invoice =
      new InvoiceSummary(
          UUID.fromString("6f1c2c54-8a43-4c57-9d0e-7d5d2b0a9f11"),
          UUID.fromString("0b5d2f7e-0000-4000-8000-000000000001"),
          42,
          USDC,
          units(19_990_000),
          new Evaluation(
              InvoiceStatus.PROCESSING,
              ExceptionStatus.OVERPAID,
              units(20_000_000),
              units(0),
              units(0)),
          "order-1042",
          Instant.parse("2026-03-01T13:00:00Z"),
          Optional.empty());

  @Test
  void anInvoiceEvent() throws Exception {
    assertThat(
            json.writeValueAsString(
                payloads.invoiceEvent(InvoiceEventType.INVOICE_PROCESSING, invoice)))
        .isEqualTo(
            "{\"v\":1,\"type\":\"invoice.processing\",\"invoice\":{"
                + "\"id\":\"6f1c2c54-8a43-4c57-9d0e-7d5d2b0a9f11\","
                + "\"storeId\":\"0b5d2f7e-0000-4000-8000-000000000001\","
                + "\"number\":\"INV-000042\",\"status\":\"PROCESSING\",\"exception\":\"OVERPAID\","
                + "\"currency\":{\"chainId\":1,\"symbol\":\"USDC\",\"decimals\":6,"
                + "\"asset\":\"eip155:1/erc20:0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48\"},"
                + "\"amounts\":{\"total\":\"19990000\",\"paid\":\"20000000\",\"confirmed\":\"0\","
                + "\"due\":\"0\"},\"orderId\":\"order-1042\","
                + "\"expiresAt\":\"2026-03-01T13:00:00Z\",\"voidedAt\":null}}");
  }

  @Test
  void aPaymentEventAddsThePayment() throws Exception {
    Payment payment =
        new Payment(
            new Transfer.Key(ChainId.MAINNET, TxHash.parse("0x" + "ab".repeat(32)), 3),
            units(20_000_000),
            PaymentState.SEEN,
            19_000_000,
            1,
            Instant.parse("2026-03-01T12:30:00Z"));

    String text =
        json.writeValueAsString(
            payloads.paymentEvent(InvoiceEventType.PAYMENT_DETECTED, invoice, payment));

    assertThat(text)
        .startsWith("{\"v\":1,\"type\":\"payment.detected\",\"invoice\":{")
        .endsWith(
            ",\"payment\":{\"chainId\":1,\"txHash\":\"0x"
                + "ab".repeat(32)
                + "\",\"logIndex\":3,\"amount\":\"20000000\",\"state\":\"SEEN\","
                + "\"blockNumber\":19000000,\"confirmations\":1,"
                + "\"seenAt\":\"2026-03-01T12:30:00Z\"}}");
  }

  private static TokenAmount units(long n) {
    return TokenAmount.ofBaseUnits(USDC, BigInteger.valueOf(n));
  }
}
