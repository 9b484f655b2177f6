package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/proofs} bodies checked field by field into the network's proof message. Every
 * problem is reported at once, and nothing is published unless all fields are valid.
 */
final class ProofRequests {
  /** Largest log index taken: far beyond any block's log count. */
  static final long MAX_LOG_INDEX = 1L << 32;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,78}");
  private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  /** What a client sends. */
  record Submit(
      String invoice,
      Long chainId,
      String txHash,
      Long logIndex,
      String asset,
      String amount,
      Route route) {}

  /** How the transfer reaches the invoice: {@code reference} (proxy) or {@code deposit}. */
  record Route(String type, String recipient, String reference, String address) {}

  private ProofRequests() {}

  static PaymentProofMessage parse(Submit body, Chains chains) {
    List<FieldError> errors = new ArrayList<>();
    InvoiceRef invoice =
        field(
            errors,
            "invoice",
            () -> InvoiceRef.parse(required(body.invoice())),
            "is not" + " <home peer id>:<invoice id>");
    ChainId chain = field(errors, "chainId", () -> ChainId.of(body.chainId()), "is not a chain id");
    TxHash tx = null;
    if (body.txHash() == null || !TX_HASH.matcher(body.txHash()).matches()) {
      errors.add(new FieldError("txHash", "must be 0x and 64 hex digits"));
    } else {
      tx = TxHash.parse(body.txHash().toLowerCase(java.util.Locale.ROOT));
    }
    if (body.logIndex() != null && (body.logIndex() < 0 || body.logIndex() > MAX_LOG_INDEX)) {
      errors.add(new FieldError("logIndex", "must be between 0 and " + MAX_LOG_INDEX));
    }
    Asset asset = null;
    if (chain != null) {
      Optional<Asset> known =
          chains.byId(chain).flatMap(c -> c.asset(body.asset() == null ? "" : body.asset()));
      if (known.isEmpty()) {
        errors.add(
            new FieldError("asset", "is not an asset this node knows on chain " + chain.value()));
      } else {
        asset = known.get();
      }
    }
    BigInteger amount = null;
    if (body.amount() == null || !DIGITS.matcher(body.amount()).matches()) {
      errors.add(new FieldError("amount", "must be a whole number of base units, as a string"));
    } else {
      amount = new BigInteger(body.amount());
      if (amount.signum() == 0 || amount.compareTo(TokenAmount.MAX_UINT256) > 0) {
        errors.add(new FieldError("amount", "must be between 1 and 2^256 - 1"));
      }
    }
    PaymentRoute route = route(body.route(), errors);
    if (!errors.isEmpty()) {
      throw ApiProblemException.validation("The proof is not valid.", errors);
    }
    OptionalLong log =
        body.logIndex() == null ? OptionalLong.empty() : OptionalLong.of(body.logIndex());
    return new PaymentProofMessage(
        invoice, new TransferClaim(chain, tx, log, asset, route, amount));
  }

  private static PaymentRoute route(Route route, List<FieldError> errors) {
    if (route == null || route.type() == null) {
      errors.add(new FieldError("route.type", "must be reference or deposit"));
      return null;
    }
    if (route.type().equals("reference")) {
      Address recipient =
          field(
              errors,
              "route.recipient",
              () -> Address.parse(required(route.recipient())),
              "is not an address");
      PaymentReference reference =
          field(
              errors,
              "route.reference",
              () -> PaymentReference.parse(required(route.reference())),
              "is not a payment reference");
      return recipient == null || reference == null
          ? null
          : new PaymentRoute.ByReference(recipient, reference.topicHash());
    }
    if (route.type().equals("deposit")) {
      Address address =
          field(
              errors,
              "route.address",
              () -> Address.parse(required(route.address())),
              "is not an address");
      return address == null ? null : new PaymentRoute.ToDepositAddress(address);
    }
    errors.add(new FieldError("route.type", "must be reference or deposit"));
    return null;
  }

  private static String required(String value) {
    if (value == null) {
      throw new IllegalArgumentException("missing");
    }
    return value.strip();
  }

  private static <T> T field(
      List<FieldError> errors, String name, Supplier<T> parse, String message) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      errors.add(new FieldError(name, message));
      return null;
    }
  }
}
