package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import io.r2dbc.spi.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * New invoices of one store in one statement: the store's next numbers, the invoices, their line
 * items and their outbox rows, through data-modifying CTEs (<a
 * href="https://www.postgresql.org/docs/current/queries-with.html#QUERIES-WITH-MODIFYING">PostgreSQL:
 * WITH</a>). Run outside a transaction, the statement is its own transaction, so the store row's
 * lock, which keeps numbers gap-free, lasts only while PostgreSQL executes and commits it, with no
 * round trip to the node in between; and either all of it is written or none of it.
 *
 * <p>Several invoices at once is how {@link InvoiceWriter} lets creates of one store share a
 * transaction instead of queueing one by one on that lock; every column is an array with one
 * element per invoice (per line, per event), expanded by {@code unnest}, and invoice {@code i} of
 * the batch (from 1) gets the number {@code first + i - 1}. The text is always the same, so the
 * driver prepares it once per connection. It is bound by position on the driver's own {@link
 * Statement}: this is the hot path of invoice creation, and Spring's named-parameter expansion and
 * binding maps cost more than the rest of its Java work here.
 */
final class NewInvoicesStatement {

  /**
   * {@code INV-000042}, as {@code Invoice.humanNumber} formats it: at least six digits. Only for
   * the outbox payloads, which are made before the number is known.
   */
  static final String HUMAN_NUMBER =
      "'INV-' || lpad(number::text, GREATEST(6, length(number::text)), '0')";

  static final String SQL =
      "WITH store AS (UPDATE stores SET next_invoice_number = next_invoice_number + $4,"
          + " reference_secret = COALESCE(reference_secret, $2),"
          + " next_deposit_index = GREATEST(next_deposit_index, $3)"
          + " WHERE id = $1 AND ($2::bytea IS NULL OR reference_secret IS NULL"
          + " OR reference_secret = $2) AND lower(receiving_address) IS NOT DISTINCT FROM $5"
          + " AND default_expiry_seconds = $6 AND (xpub IS NOT NULL) = $7"
          + " RETURNING next_invoice_number - $4 AS first),"
          + " invoice AS (INSERT INTO invoices (id, store_id, number, chain_id, asset,"
          + " currency_symbol, currency_decimals, currency_contract, subtotal, discount_total,"
          + " tax_total, total, buyer_name, buyer_email, memo, order_id, metadata,"
          + " payment_methods, pay_token, payment_reference, reference_topic,"
          + " reference_recipient, reference_proxy, deposit_address, deposit_index, status,"
          + " exception_status, amount_seen, amount_confirmed, amount_due, expires_at,"
          + " created_at, updated_at) SELECT i.id, $1, store.first + i.n - 1, i.chain_id,"
          + " i.asset, i.symbol, i.decimals, i.contract, i.subtotal, i.discount_total,"
          + " i.tax_total, i.total, i.buyer_name, i.buyer_email, i.memo, i.order_id,"
          + " i.metadata::jsonb, string_to_array(i.methods, ','), i.pay_token, i.reference,"
          + " i.topic, i.recipient, i.proxy, i.deposit_address, i.deposit_index, i.status,"
          + " i.exception_status, i.amount_seen, i.amount_confirmed, i.amount_due,"
          + " i.expires_at, i.created_at, i.updated_at FROM store, unnest($8::uuid[],"
          + " $9::bigint[], $10::text[], $11::text[], $12::int[], $13::text[],"
          + " $14::numeric[], $15::numeric[], $16::numeric[], $17::numeric[], $18::text[],"
          + " $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[],"
          + " $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::bigint[],"
          + " $31::text[], $32::text[], $33::numeric[], $34::numeric[], $35::numeric[],"
          + " $36::timestamptz[], $37::timestamptz[], $38::timestamptz[]) WITH ORDINALITY"
          + " AS i (id, chain_id, asset, symbol, decimals, contract, subtotal, discount_total,"
          + " tax_total, total, buyer_name, buyer_email, memo, order_id, metadata, methods,"
          + " pay_token, reference, topic, recipient, proxy, deposit_address, deposit_index,"
          + " status, exception_status, amount_seen, amount_confirmed, amount_due,"
          + " expires_at, created_at, updated_at, n) RETURNING id, number),"
          + " lines AS (INSERT INTO invoice_line_items (invoice_id, position, description,"
          + " quantity, unit_price, amount, discount, tax_rate, tax, total)"
          + " SELECT invoice.id, l.position, l.description, l.quantity, l.unit_price,"
          + " l.amount, l.discount, l.tax_rate, l.tax, l.total FROM invoice JOIN"
          + " unnest($39::uuid[], $40::int[], $41::text[], $42::numeric[], $43::numeric[],"
          + " $44::numeric[], $45::numeric[], $46::numeric[], $47::numeric[], $48::numeric[])"
          + " AS l (invoice_id, position, description, quantity, unit_price, amount, discount,"
          + " tax_rate, tax, total) ON l.invoice_id = invoice.id),"
          + " events AS (INSERT INTO outbox (store_id, channel, event_type, ordering_key,"
          + " payload) SELECT $1, e.channel, e.event_type, e.ordering_key,"
          + " jsonb_set(e.payload::jsonb, '{invoice,number}', to_jsonb("
          + HUMAN_NUMBER
          + "), false) FROM invoice JOIN unnest($49::uuid[], $50::text[], $51::text[],"
          + " $52::text[], $53::text[]) WITH ORDINALITY AS e (invoice_id, channel, event_type,"
          + " ordering_key, payload, position) ON e.invoice_id = invoice.id ORDER BY e.position)"
          + " SELECT id, number FROM invoice";

  private NewInvoicesStatement() {}

  /**
   * Runs the statement for {@code batch}, invoices of one store made with the same settings and
   * reference secret ({@link InvoiceWriter#fits}); emits each invoice's number by id once
   * committed, or an empty map if the store does not exist, has a reference secret other than
   * theirs, or no longer has the settings they were made with (then nothing was written).
   */
  static Mono<Map<UUID, Long>> run(DatabaseClient db, List<NewInvoice> batch) {
    NewInvoice head = batch.get(0);
    return db.inConnection(
        c -> {
          Statement s = c.createStatement(SQL);
          new Positions(s)
              .bind(head.invoice().storeId())
              .bind(head.referenceSecret(), byte[].class)
              .bind(depositIndexFloor(batch), Long.class)
              .bind((long) batch.size())
              .settings(head.settings())
              .invoices(batch.stream().map(NewInvoice::invoice).toList())
              .lines(batch)
              .events(batch);
          // Collect everything: the driver completes execute() after PostgreSQL's
          // ReadyForQuery, which follows the statement's own commit.
          return Flux.from(s.execute())
              .concatMap(
                  result ->
                      result.map(
                          (row, meta) -> Map.entry(row.get(0, UUID.class), row.get(1, Long.class))))
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        });
  }

  /** The highest deposit-index floor of the batch, or null if none of it takes an index. */
  private static Long depositIndexFloor(List<NewInvoice> batch) {
    Long floor = null;
    for (NewInvoice n : batch) {
      Long f = n.depositIndexFloor();
      if (f != null && (floor == null || f > floor)) {
        floor = f;
      }
    }
    return floor;
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

    /** {@code $5} to {@code $7}: the settings the store must still have. */
    Positions settings(StoreRepository.Settings settings) {
      return bind(settings.receivingAddress().map(Address::toLowerHex).orElse(null), String.class)
          .bind(Math.toIntExact(settings.defaultExpirySeconds()))
          .bind(settings.hasXpub());
    }

    /** {@code $8} to {@code $38}: one array per column, one element per invoice. */
    Positions invoices(List<InvoiceRecord> invoices) {
      return bind(column(invoices, UUID[]::new, InvoiceRecord::id))
          .bind(column(invoices, Long[]::new, i -> i.currency().chain().value()))
          .bind(column(invoices, String[]::new, i -> i.currency().caip19()))
          .bind(column(invoices, String[]::new, i -> i.currency().symbol()))
          .bind(column(invoices, Integer[]::new, i -> i.currency().decimals()))
          .bind(column(invoices, String[]::new, NewInvoicesStatement::contract))
          .bind(column(invoices, BigDecimal[]::new, i -> InvoiceRows.units(i.subtotal())))
          .bind(column(invoices, BigDecimal[]::new, i -> InvoiceRows.units(i.discountTotal())))
          .bind(column(invoices, BigDecimal[]::new, i -> InvoiceRows.units(i.taxTotal())))
          .bind(column(invoices, BigDecimal[]::new, i -> InvoiceRows.units(i.total())))
          .bind(column(invoices, String[]::new, i -> i.buyer().name()))
          .bind(column(invoices, String[]::new, i -> i.buyer().email()))
          .bind(column(invoices, String[]::new, InvoiceRecord::memo))
          .bind(column(invoices, String[]::new, InvoiceRecord::orderId))
          .bind(column(invoices, String[]::new, i -> InvoiceRows.metadataText(i.metadata())))
          .bind(column(invoices, String[]::new, NewInvoicesStatement::methods))
          .bind(column(invoices, String[]::new, InvoiceRecord::payToken))
          .bind(reference(invoices, r -> r.reference().hex()))
          .bind(reference(invoices, r -> r.reference().topicHashHex()))
          .bind(reference(invoices, r -> r.recipient().toLowerHex()))
          .bind(reference(invoices, r -> r.proxy().toLowerHex()))
          .bind(
              column(
                  invoices,
                  String[]::new,
                  i -> i.deposit().map(d -> d.address().toLowerHex()).orElse(null)))
          .bind(column(invoices, Long[]::new, i -> i.deposit().map(d -> d.index()).orElse(null)))
          .bind(column(invoices, String[]::new, i -> Wire.of(i.evaluation().status())))
          .bind(column(invoices, String[]::new, i -> Wire.of(i.evaluation().exception())))
          .bind(units(invoices, i -> i.evaluation().amountSeen()))
          .bind(units(invoices, i -> i.evaluation().amountConfirmed()))
          .bind(units(invoices, i -> i.evaluation().amountDue()))
          .bind(column(invoices, Instant[]::new, InvoiceRecord::expiresAt))
          .bind(column(invoices, Instant[]::new, InvoiceRecord::createdAt))
          .bind(column(invoices, Instant[]::new, InvoiceRecord::updatedAt));
    }

    /** {@code $39} to {@code $48}: one array per column, one element per line, in order. */
    Positions lines(List<NewInvoice> batch) {
      List<UUID> owners = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      List<PricedLine> lines = new ArrayList<>();
      for (NewInvoice n : batch) {
        for (int p = 0; p < n.lines().size(); p++) {
          owners.add(n.invoice().id());
          positions.add(p);
          lines.add(n.lines().get(p));
        }
      }
      return bind(owners.toArray(UUID[]::new))
          .bind(positions.toArray(Integer[]::new))
          .bind(column(lines, String[]::new, l -> l.item().description()))
          .bind(column(lines, BigDecimal[]::new, l -> l.item().quantity()))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.item().unitPrice())))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.amount())))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.discount())))
          .bind(column(lines, BigDecimal[]::new, l -> l.item().taxRatePercent()))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.tax())))
          .bind(column(lines, BigDecimal[]::new, l -> InvoiceRows.units(l.total())));
    }

    /** {@code $49} to {@code $53}: one array per column, in the order to write them. */
    Positions events(List<NewInvoice> batch) {
      List<UUID> owners = new ArrayList<>();
      List<OutboxRow> events = new ArrayList<>();
      for (NewInvoice n : batch) {
        for (OutboxRow e : n.events()) {
          owners.add(n.invoice().id());
          events.add(e);
        }
      }
      return bind(owners.toArray(UUID[]::new))
          .bind(column(events, String[]::new, OutboxRow::channel))
          .bind(column(events, String[]::new, OutboxRow::eventType))
          .bind(column(events, String[]::new, OutboxRow::orderingKey))
          .bind(column(events, String[]::new, OutboxRow::payloadJson));
    }

    private static String[] reference(
        List<InvoiceRecord> invoices, Function<InvoiceRecord.Reference, String> value) {
      return column(invoices, String[]::new, i -> i.reference().map(value).orElse(null));
    }

    private static BigDecimal[] units(
        List<InvoiceRecord> invoices, Function<InvoiceRecord, TokenAmount> amount) {
      return column(invoices, BigDecimal[]::new, i -> InvoiceRows.units(amount.apply(i)));
    }

    private static <R, T> T[] column(List<R> rows, IntFunction<T[]> array, Function<R, T> value) {
      T[] out = array.apply(rows.size());
      for (int i = 0; i < out.length; i++) {
        out[i] = value.apply(rows.get(i));
      }
      return out;
    }
  }

  private static String contract(InvoiceRecord invoice) {
    return invoice.currency() instanceof Asset.Erc20 token ? token.contract().toLowerHex() : null;
  }

  /** The invoice's methods, comma-separated (wire names have no commas): one text per invoice. */
  private static String methods(InvoiceRecord invoice) {
    return invoice.methods().stream().map(PaymentMethod::wireName).collect(Collectors.joining(","));
  }
}
