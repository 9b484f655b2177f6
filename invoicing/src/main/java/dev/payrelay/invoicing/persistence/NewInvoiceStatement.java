package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import io.r2dbc.spi.Statement;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A new invoice in one statement: the store's next number, the invoice, its line items and its
 * outbox rows, through data-modifying CTEs (<a
 * href="https://www.postgresql.org/docs/current/queries-with.html#QUERIES-WITH-MODIFYING">PostgreSQL:
 * WITH</a>). Run outside a transaction, the statement is its own transaction, so the store row's
 * lock, which keeps numbers gap-free, lasts only while PostgreSQL executes and commits it, with no
 * round trip to the node in between; and either all of it is written or none of it.
 *
 * <p>The statement is always the same text (the lines and events are arrays, expanded by {@code
 * unnest}), so the driver prepares it once per connection. It is bound by position on the driver's
 * own {@link Statement}: this is the hot path of invoice creation, and Spring's named-parameter
 * expansion and binding maps cost more than the rest of its Java work here.
 */
final class NewInvoiceStatement {

  /**
   * {@code INV-000042}, as {@code Invoice.humanNumber} formats it: at least six digits. Only for
   * the outbox payloads, which are made before the number is known.
   */
  static final String HUMAN_NUMBER =
      "'INV-' || lpad(number::text, GREATEST(6, length(number::text)), '0')";

  static final String SQL =
      "WITH store AS (UPDATE stores SET next_invoice_number = next_invoice_number + 1,"
          + " reference_secret = COALESCE(reference_secret, $2),"
          + " next_deposit_index = GREATEST(next_deposit_index, $3)"
          + " WHERE id = $1 AND ($2::bytea IS NULL OR reference_secret IS NULL"
          + " OR reference_secret = $2) AND lower(receiving_address) IS NOT DISTINCT FROM $47"
          + " AND default_expiry_seconds = $48 AND (xpub IS NOT NULL) = $49"
          + " RETURNING next_invoice_number - 1 AS number),"
          + " invoice AS (INSERT INTO invoices (id, store_id, number, chain_id, asset,"
          + " currency_symbol, currency_decimals, currency_contract, subtotal, discount_total,"
          + " tax_total, total, buyer_name, buyer_email, memo, order_id, metadata,"
          + " payment_methods, pay_token, payment_reference, reference_topic,"
          + " reference_recipient, reference_proxy, deposit_address, deposit_index, status,"
          + " exception_status, amount_seen, amount_confirmed, amount_due, expires_at,"
          + " created_at, updated_at) SELECT $4, $1, number, $5, $6, $7, $8, $9, $10, $11, $12,"
          + " $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28,"
          + " $29, $30, $31, $32, $33, $34 FROM store RETURNING id, number),"
          + " lines AS (INSERT INTO invoice_line_items (invoice_id, position, description,"
          + " quantity, unit_price, amount, discount, tax_rate, tax, total)"
          + " SELECT invoice.id, l.position - 1, l.description, l.quantity, l.unit_price,"
          + " l.amount, l.discount, l.tax_rate, l.tax, l.total FROM invoice,"
          + " unnest($35::text[], $36::numeric[], $37::numeric[], $38::numeric[],"
          + " $39::numeric[], $40::numeric[], $41::numeric[], $42::numeric[]) WITH ORDINALITY"
          + " AS l (description, quantity, unit_price, amount, discount, tax_rate, tax, total,"
          + " position)),"
          + " events AS (INSERT INTO outbox (store_id, channel, event_type, ordering_key,"
          + " payload) SELECT $1, e.channel, e.event_type, e.ordering_key,"
          + " jsonb_set(e.payload::jsonb, '{invoice,number}', to_jsonb("
          + HUMAN_NUMBER
          + "), false) FROM invoice, unnest($43::text[], $44::text[], $45::text[],"
          + " $46::text[]) WITH ORDINALITY AS e (channel, event_type, ordering_key, payload,"
          + " position) ORDER BY e.position)"
          + " SELECT number FROM invoice";

  private NewInvoiceStatement() {}

  /**
   * Runs the statement; emits the invoice's number once committed, or nothing if the store does not
   * exist, has a reference secret other than the invoice's, or no longer has the settings the
   * invoice was made with.
   */
  static Mono<Long> run(DatabaseClient db, NewInvoice write) {
    return db.inConnection(
            c -> {
              Statement s = c.createStatement(SQL);
              new Positions(s)
                  .bind(write.invoice().storeId())
                  .bind(write.referenceSecret(), byte[].class)
                  .bind(write.depositIndexFloor(), Long.class)
                  .invoice(write.invoice())
                  .lines(write.lines())
                  .events(write.events())
                  .settings(write.settings());
              // Collect everything: the driver completes execute() after PostgreSQL's
              // ReadyForQuery, which follows the statement's own commit.
              return Flux.from(s.execute())
                  .concatMap(result -> result.map((row, meta) -> row.get(0, Long.class)))
                  .collectList();
            })
        .flatMap(numbers -> numbers.isEmpty() ? Mono.empty() : Mono.just(numbers.get(0)));
  }

  /** Binds parameters {@code $1, $2, …} in order. */
  private static final class Positions {

    private final Statement statement;
    private int next;

    Positions(Statement statement) {
      this.statement = statement;
    }

    Positions bind(Object value) {
      statement.bind(next++, value);
      return this;
    }

    <T> Positions bind(T value, Class<T> type) {
      if (value == null) {
        statement.bindNull(next++, type);
      } else {
        statement.bind(next++, value);
      }
      return this;
    }

    /** {@code $4} to {@code $34}. */
    Positions invoice(InvoiceRecord invoice) {
      Asset currency = invoice.currency();
      InvoiceRecord.Reference reference = invoice.reference().orElse(null);
      InvoiceRecord.Deposit deposit = invoice.deposit().orElse(null);
      return bind(invoice.id())
          .bind(currency.chain().value())
          .bind(currency.caip19())
          .bind(currency.symbol())
          .bind(currency.decimals())
          .bind(
              currency instanceof Asset.Erc20 token ? token.contract().toLowerHex() : null,
              String.class)
          .bind(InvoiceRows.units(invoice.subtotal()))
          .bind(InvoiceRows.units(invoice.discountTotal()))
          .bind(InvoiceRows.units(invoice.taxTotal()))
          .bind(InvoiceRows.units(invoice.total()))
          .bind(invoice.buyer().name(), String.class)
          .bind(invoice.buyer().email(), String.class)
          .bind(invoice.memo(), String.class)
          .bind(invoice.orderId(), String.class)
          .bind(InvoiceRows.metadataJson(invoice.metadata()))
          .bind(invoice.methods().stream().map(PaymentMethod::wireName).toArray(String[]::new))
          .bind(invoice.payToken())
          .bind(reference == null ? null : reference.reference().hex(), String.class)
          .bind(reference == null ? null : reference.reference().topicHashHex(), String.class)
          .bind(reference == null ? null : reference.recipient().toLowerHex(), String.class)
          .bind(reference == null ? null : reference.proxy().toLowerHex(), String.class)
          .bind(deposit == null ? null : deposit.address().toLowerHex(), String.class)
          .bind(deposit == null ? null : deposit.index(), Long.class)
          .bind(Wire.of(invoice.evaluation().status()))
          .bind(Wire.of(invoice.evaluation().exception()))
          .bind(InvoiceRows.units(invoice.evaluation().amountSeen()))
          .bind(InvoiceRows.units(invoice.evaluation().amountConfirmed()))
          .bind(InvoiceRows.units(invoice.evaluation().amountDue()))
          .bind(invoice.expiresAt())
          .bind(invoice.createdAt())
          .bind(invoice.updatedAt());
    }

    /** {@code $35} to {@code $42}: one array per column, in line order. */
    Positions lines(List<PricedLine> lines) {
      return bind(column(lines, String[]::new, l -> l.item().description()))
          .bind(column(lines, BigDecimal[]::new, l -> l.item().quantity()))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.item().unitPrice())))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.amount())))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.discount())))
          .bind(column(lines, BigDecimal[]::new, l -> l.item().taxRatePercent()))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.tax())))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.total())));
    }

    /** {@code $43} to {@code $46}: one array per column, in the order to write them. */
    Positions events(List<OutboxRow> events) {
      return bind(column(events, String[]::new, OutboxRow::channel))
          .bind(column(events, String[]::new, OutboxRow::eventType))
          .bind(column(events, String[]::new, OutboxRow::orderingKey))
          .bind(column(events, String[]::new, OutboxRow::payloadJson));
    }

    /** {@code $47} to {@code $49}: the settings the store must still have. */
    Positions settings(StoreRepository.Settings settings) {
      return bind(settings.receivingAddress().map(Address::toLowerHex).orElse(null), String.class)
          .bind(Math.toIntExact(settings.defaultExpirySeconds()))
          .bind(settings.hasXpub());
    }

    private static <R, T> T[] column(List<R> rows, IntFunction<T[]> array, Function<R, T> value) {
      T[] out = array.apply(rows.size());
      for (int i = 0; i < out.length; i++) {
        out[i] = value.apply(rows.get(i));
      }
      return out;
    }
  }
}
