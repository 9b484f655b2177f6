package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.LineItem;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.Pricing;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.invoicing.domain.Violation;
import dev.payrelay.invoicing.persistence.StoreRepository;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a {@link CreateInvoice} against every rule at once and prices it, or fails with all its
 * violations ({@link InvalidInvoiceException}), field paths as in the API's JSON.
 */
final class InvoiceRequestParser {

  /** Stands in for an unknown currency, so the rest of the lines is still checked. */
  private static final Asset UNKNOWN = new Asset.Native(ChainId.MAINNET, "UNKNOWN", 36);

  private static final Pattern LINE_PATH = Pattern.compile("lineItems\\[([0-9]+)\\].*");

  private final Map<Long, ChainConfig> chains;

  InvoiceRequestParser(List<ChainConfig> chains) {
    this.chains =
        chains.stream()
            .collect(Collectors.toMap(c -> c.id().value(), c -> c, (a, b) -> a, TreeMap::new));
  }

  ParsedInvoice parse(CreateInvoice request, StoreRepository.Settings store) {
    List<Violation> violations = new ArrayList<>();
    ChainConfig chain = chains.get(request.chainId());
    Optional<Asset> currency = currency(chain, request, violations);

    List<Violation> lineViolations = new ArrayList<>();
    Asset asset = currency.orElse(UNKNOWN);
    List<LineItem> items =
        new LineItemParser(asset, currency.isPresent(), lineViolations).parse(request.lineItems());
    Totals totals = null;
    try {
      totals = Pricing.price(asset, items);
    } catch (InvalidInvoiceException e) {
      lineViolations.addAll(e.violations());
    }
    lineViolations.sort(Comparator.comparingInt(InvoiceRequestParser::lineIndex));
    violations.addAll(lineViolations);

    FieldRules.buyerName(request.buyerName(), violations);
    FieldRules.buyerEmail(request.buyerEmail(), violations);
    if (request.send() && request.buyerEmail() == null) {
      violations.add(new Violation("send", "needs buyer.email: the address the invoice goes to"));
    }
    FieldRules.memo(request.memo(), violations);
    FieldRules.orderId(request.orderId(), violations);
    FieldRules.metadata(request.metadata(), violations);
    long expiry =
        request.expiresInSeconds() != null && request.expiresInSeconds().isPresent()
            ? request.expiresInSeconds().getAsLong()
            : store.defaultExpirySeconds();
    FieldRules.expiry(expiry, violations);
    List<PaymentMethod> methods = methods(request, chain, store, violations);

    if (!violations.isEmpty()) {
      throw new InvalidInvoiceException(violations);
    }
    return new ParsedInvoice(
        chain,
        currency.get(),
        totals,
        new Invoice.Buyer(request.buyerName(), request.buyerEmail()),
        request.memo(),
        request.orderId(),
        request.metadata() == null ? Map.of() : request.metadata(),
        expiry,
        methods);
  }

  private Optional<Asset> currency(
      ChainConfig chain, CreateInvoice request, List<Violation> violations) {
    if (chain == null) {
      violations.add(
          new Violation(
              "currency",
              "chain "
                  + request.chainId()
                  + " is not served by this node (it serves "
                  + chains.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + ")"));
      return Optional.empty();
    }
    String symbol = request.currencySymbol();
    if (symbol == null) {
      violations.add(new Violation("currency", "the currency's symbol is required"));
      return Optional.empty();
    }
    Optional<Asset> asset = chain.asset(symbol).filter(a -> a.symbol().equals(symbol));
    if (asset.isEmpty()) {
      String accepted =
          Stream.concat(Stream.of(chain.nativeAsset()), chain.tokens().stream())
              .map(Asset::symbol)
              .collect(Collectors.joining(", "));
      violations.add(
          new Violation(
              "currency",
              "'"
                  + symbol
                  + "' is not accepted on chain "
                  + chain.name()
                  + " ("
                  + chain.id().value()
                  + "); accepted (case-sensitive): "
                  + accepted));
    }
    return asset;
  }

  private static List<PaymentMethod> methods(
      CreateInvoice request,
      ChainConfig chain,
      StoreRepository.Settings store,
      List<Violation> violations) {
    List<PaymentMethod> methods =
        request.paymentMethods() == null || request.paymentMethods().isEmpty()
            ? List.of(PaymentMethod.REFERENCE)
            : List.copyOf(request.paymentMethods());
    if (methods.contains(PaymentMethod.REFERENCE)) {
      if (store.receivingAddress().isEmpty()) {
        violations.add(
            new Violation(
                "paymentMethods",
                "the reference method needs the store's receiving address: set it in the"
                    + " store's settings, or ask for deposit_address"));
      }
      if (chain != null && chain.paymentProxies().isEmpty()) {
        violations.add(
            new Violation(
                "paymentMethods",
                "the reference method needs a trusted payment proxy on chain "
                    + chain.name()
                    + ": the node operator lists one under payrelay.chains[…].payment-proxies"));
      }
    }
    if (methods.contains(PaymentMethod.DEPOSIT_ADDRESS) && !store.hasXpub()) {
      violations.add(
          new Violation(
              "paymentMethods",
              "the deposit_address method needs the store's extended public key (the xpub of"
                  + " m/44'/60'/0'): set it in the store's settings, or ask for reference"));
    }
    return methods;
  }

  private static int lineIndex(Violation v) {
    Matcher m = LINE_PATH.matcher(v.field());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }
}
