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
import java.util.HexFormat;
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
 * New invoices of one or more stores in one statement: each store's next numbers, the invoices,
 * their line items and their outbox rows, through data-modifying CTEs (<a
 * href="https://www.postgresql.org/docs/current/queries-with.html#QUERIES-WITH-MODIFYING">PostgreSQL:
 * WITH</a>). Run outside a transaction, the statement is its own transaction, so the store rows'
 * locks, which keep numbers gap-free, last only while PostgreSQL executes and commits it, with no
 * round trip to the node in between. The stores are locked in id order first, so that two such
 * statements (from two nodes on one database) cannot deadlock.
 *
 * <p>{@link InvoiceWriter} sends the creates that wait together this way instead of one by one;
 * every column is an array with one element per store (per invoice, per line, per event), expanded
 * by {@code unnest}, and the invoice of rank {@code k} in its store's group (from 1) gets the
 * number {@code first + k - 1}. A store's part is written whole or not at all. The text is always
 * the same, so the driver prepares it once per connection. It is bound by position on the driver's
 * own {@link Statement}: this is the hot path of invoice creation, and Spring's named-parameter
 * expansion and binding maps cost more than the rest of its Java work here.
 */
final class NewInvoicesStatement {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * {@code INV-000042}, as {@code Invoice.humanNumber} formats it: at least six digits. Only for
   * the outbox payloads, which are made before the number is known.
   */
  static final String HUMAN_NUMBER =
      "'INV-' || lpad(number::text, GREATEST(6, length(number::text)), '0')";

  static final String SQL =
      "WITH locked AS MATERIALIZED (SELECT id FROM stores WHERE id = ANY($1::uuid[])"
          + " ORDER BY id FOR NO KEY UPDATE),"
          + " store AS (UPDATE stores s SET next_invoice_number = s.next_invoice_number + b.n,"
          + " reference_secret = COALESCE(s.reference_secret, decode(b.secret, 'hex')),"
          + " next_deposit_index = GREATEST(s.next_deposit_index, b.floor)"
          + " FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::bigint[], $5::text[],"
          + " $6::int[], $7::bool[]) AS b (id, n, secret, floor, receiving, expiry, has_xpub)"
          + " WHERE s.id = b.id AND s.id IN (SELECT id FROM locked) AND (b.secret IS NULL"
          + " OR s.reference_secret IS NULL OR s.reference_secret = decode(b.secret, 'hex'))"
          + " AND lower(s.receiving_address) IS NOT DISTINCT FROM b.receiving"
          + " AND s.default_expiry_seconds = b.expiry AND (s.xpub IS NOT NULL) = b.has_xpub"
          + " RETURNING s.id, s.next_invoice_number - b.n AS first),"
          + " invoice AS (INSERT INTO invoices (id, store_id, number, chain_id, asset,"
          + " currency_symbol, currency_decimals, currency_contract, subtotal, discount_total,"
          + " tax_total, total, buyer_name, buyer_email, memo, order_id, metadata,"
          + " payment_methods, pay_token, payment_reference, reference_topic,"
          + " reference_recipient, reference_proxy, deposit_address, deposit_index, status,"
          + " exception_status, amount_seen, amount_confirmed, amount_due, expires_at,"
          + " created_at, updated_at) SELECT i.id, i.store_id, store.first + i.k - 1,"
          + " i.chain_id, i.asset, i.symbol, i.decimals, i.contract, i.subtotal,"
          + " i.discount_total, i.tax_total, i.total, i.buyer_name, i.buyer_email, i.memo,"
          + " i.order_id, i.metadata::jsonb, string_to_array(i.methods, ','), i.pay_token,"
          + " i.reference, i.topic, i.recipient, i.proxy, i.deposit_address, i.deposit_index,"
          + " i.status, i.exception_status, i.amount_seen, i.amount_confirmed, i.amount_due,"
          + " i.expires_at, i.created_at, i.updated_at FROM store JOIN unnest($8::uuid[],"
          + " $9::int[], $10::uuid[], $11::bigint[], $12::text[], $13::text[], $14::int[],"
          + " $15::text[], $16::numeric[], $17::numeric[], $18::numeric[], $19::numeric[],"
          + " $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[],"
          + " $26::text[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[],"
          + " $32::bigint[], $33::text[], $34::text[], $35::numeric[], $36::numeric[],"
          + " $37::numeric[], $38::timestamptz[], $39::timestamptz[], $40::timestamptz[])"
          + " AS i (store_id, k, id, chain_id, asset, symbol, decimals, contract, subtotal,"
          + " discount_total, tax_total, total, buyer_name, buyer_email, memo, order_id,"
          + " metadata, methods, pay_token, reference, topic, recipient, proxy,"
          + " deposit_address, deposit_index, status, exception_status, amount_seen,"
          + " amount_confirmed, amount_due, expires_at, created_at, updated_at)"
          + " ON i.store_id = store.id RETURNING id, number, store_id),"
          + " lines AS (INSERT INTO invoice_line_items (invoice_id, position, description,"
          + " quantity, unit_price, amount, discount, tax_rate, tax, total)"
          + " SELECT invoice.id, l.position, l.description, l.quantity, l.unit_price,"
          + " l.amount, l.discount, l.tax_rate, l.tax, l.total FROM invoice JOIN"
          + " unnest($41::uuid[], $42::int[], $43::text[], $44::numeric[], $45::numeric[],"
          + " $46::numeric[], $47::numeric[], $48::numeric[], $49::numeric[], $50::numeric[])"
          + " AS l (invoice_id, position, description, quantity, unit_price, amount, discount,"
          + " tax_rate, tax, total) ON l.invoice_id = invoice.id),"
          + " events AS (INSERT INTO outbox (store_id, channel, event_type, ordering_key,"
          + " payload) SELECT invoice.store_id, e.channel, e.event_type, e.ordering_key,"
          + " jsonb_set(e.payload::jsonb, '{invoice,number}', to_jsonb("
          + HUMAN_NUMBER
          + "), false) FROM invoice JOIN unnest($51::uuid[], $52::text[], $53::text[],"
          + " $54::text[], $55::text[]) WITH ORDINALITY AS e (invoice_id, channel, event_type,"
          + " ordering_key, payload, position) ON e.invoice_id = invoice.id ORDER BY e.position)"
          + " SELECT id, number FROM invoice";

  private NewInvoicesStatement() {}

  /**
   * Runs the statement for {@code groups}, each the invoices of one store (a store in one group
   * only) made with the same settings and reference secret ({@link InvoiceWriter#fits}); emits each
   * written invoice's number by id once committed. A group whose store does not exist, has a
   * reference secret other than theirs or no longer has the settings they were made with is not
   * written, and its invoices are missing from the map.
   */
  static Mono<Map<UUID, Long>> run(DatabaseClient db, List<List<NewInvoice>> groups) {
    List<NewInvoice> all = groups.stream().flatMap(List::stream).toList();
    return db.inConnection(
        c -> {
          Statement s = c.createStatement(SQL);
          new Positions(s).stores(groups).invoices(groups).lines(all).events(all);
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

  /** The highest deposit-index floor of the group, or null if none of it takes an index. */
  private static Long depositIndexFloor(List<NewInvoice> group) {
    Long floor = null;
    for (NewInvoice n : group) {
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

    /** {@code $1} to {@code $7}: one element per store, its invoice count and its settings. */
    Positions stores(List<List<NewInvoice>> groups) {
      List<NewInvoice> heads = groups.stream().map(g -> g.get(0)).toList();
      return bind(column(heads, UUID[]::new, h -> h.invoice().storeId()))
          .bind(column(groups, Long[]::new, g -> (long) g.size()))
          .bind(
              column(
                  heads,
                  String[]::new,
                  h -> h.referenceSecret() == null ? null : HEX.formatHex(h.referenceSecret())))
          .bind(column(groups, Long[]::new, NewInvoicesStatement::depositIndexFloor))
          .bind(
              column(
                  heads,
                  String[]::new,
                  h -> h.settings().receivingAddress().map(Address::toLowerHex).orElse(null)))
          .bind(
              column(
                  heads, Integer[]::new, h -> Math.toIntExact(h.settings().defaultExpirySeconds())))
          .bind(column(heads, Boolean[]::new, h -> h.settings().hasXpub()));
    }

    /**
     * {@code $8} to {@code $40}: one element per invoice: its store, its rank in its store's group
     * (from 1), then one array per column.
     */
    Positions invoices(List<List<NewInvoice>> groups) {
      List<UUID> stores = new ArrayList<>();
      List<Integer> ranks = new ArrayList<>();
      List<InvoiceRecord> invoices = new ArrayList<>();
      for (List<NewInvoice> group : groups) {
        for (int k = 0; k < group.size(); k++) {
          stores.add(group.get(k).invoice().storeId());
          ranks.add(k + 1);
          invoices.add(group.get(k).invoice());
        }
      }
      return bind(stores.toArray(UUID[]::new))
          .bind(ranks.toArray(Integer[]::new))
          .columns(invoices);
    }

    private Positions columns(List<InvoiceRecord> invoices) {
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

    /** {@code $41} to {@code $50}: one array per column, one element per line, in order. */
    Positions lines(List<NewInvoice> all) {
      List<UUID> owners = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      List<PricedLine> lines = new ArrayList<>();
      for (NewInvoice n : all) {
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

    /** {@code $51} to {@code $55}: one array per column, in the order to write them. */
    Positions events(List<NewInvoice> all) {
      List<UUID> owners = new ArrayList<>();
      List<OutboxRow> events = new ArrayList<>();
      for (NewInvoice n : all) {
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
