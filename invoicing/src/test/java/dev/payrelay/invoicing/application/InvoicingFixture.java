package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A migrated database of its own, the invoice use cases over it with a {@link MutableClock}, and
 * helpers to make stores and count rows. One per test class.
 */
public final class InvoicingFixture {

  public static final ChainId CHAIN = ChainId.MAINNET;
  public static final Asset.Erc20 USDC =
      new Asset.Erc20(
          CHAIN, Address.parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"), "USDC", 6);
  public static final Asset.Native ETH = Asset.ether(CHAIN);
  public static final Address PROXY = Address.parse("0x" + "11".repeat(20));
  public static final Address RECEIVING = Address.parse("0x" + "22".repeat(20));

  /** Anvil's account xpub, {@code m/44'/60'/0'} of the test mnemonic. */
  public static final String ANVIL_XPUB =
      "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";

  public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  public final Database db;
  public final ConnectionFactory connections;
  public final MutableClock clock = new MutableClock(START);
  public final InMemoryExpectationRegistry expectations = new InMemoryExpectationRegistry();
  public final InvoiceService invoices;

  private InvoicingFixture(Database db, List<ChainConfig> chains) {
    this.db = db;
    db.migrate();
    this.connections = connections(db);
    this.invoices =
        new InvoiceService(
            connections,
            clock,
            chains,
            expectations,
            new PayLinks(URI.create("https://pay.example.com/")));
  }

  public static InvoicingFixture start(Class<?> testClass) {
    return new InvoicingFixture(TestDatabase.fresh(testClass), List.of(mainnet()));
  }

  public static InvoicingFixture start(Class<?> testClass, List<ChainConfig> chains) {
    return new InvoicingFixture(TestDatabase.fresh(testClass), chains);
  }

  /** Mainnet as configured in these tests: ETH and USDC, one trusted proxy, 12 confirmations. */
  public static ChainConfig mainnet() {
    return new ChainConfig(
        CHAIN, "mainnet", URI.create("http://127.0.0.1:1"), 12, ETH, List.of(USDC), List.of(PROXY));
  }

  public static ConnectionFactory connections(Database db) {
    return ConnectionFactories.get(
        ConnectionFactoryOptions.parse(db.r2dbcUrl())
            .mutate()
            .option(ConnectionFactoryOptions.USER, db.username())
            .option(ConnectionFactoryOptions.PASSWORD, db.password())
            .build());
  }

  /** A new store with these settings (either may be null). */
  public UUID store(Address receiving, String xpub) {
    try (Connection c = db.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO stores (name, receiving_address, xpub) VALUES ('Shop', ?, ?)"
                    + " RETURNING id")) {
      insert.setString(1, receiving == null ? null : receiving.toLowerHex());
      insert.setString(2, xpub);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long count(String sql) {
    return Long.parseLong(strings(sql).get(0));
  }

  public List<String> strings(String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void execute(String sql) {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LineItemRequest line(String description, String quantity, String unitPrice) {
    return new LineItemRequest(description, quantity, unitPrice, null, null);
  }

  /** A request in {@code symbol} on mainnet with the given lines and methods (none: default). */
  public static CreateInvoice request(
      UUID store, String symbol, List<LineItemRequest> lines, PaymentMethod... methods) {
    return new CreateInvoice(
        store,
        CHAIN.value(),
        symbol,
        lines,
        null,
        null,
        null,
        null,
        Map.of(),
        OptionalLong.empty(),
        new LinkedHashSet<>(List.of(methods)));
  }

  public static CreateInvoice usdc(UUID store, String unitPrice) {
    return request(store, "USDC", List.of(line("Item", "1", unitPrice)));
  }

  /** Creates all of {@code requests} at once, each in flight with the others; waits for all. */
  public List<Invoice> createConcurrently(List<CreateInvoice> requests) {
    return Flux.fromIterable(requests)
        .flatMap(r -> invoices.create(r).subscribeOn(Schedulers.parallel()), requests.size())
        .collectList()
        .block(Duration.ofSeconds(60));
  }
}
