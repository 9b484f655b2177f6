package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.verify.PaymentProof;
import java.math.BigInteger;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An on-chain transfer as someone claims it: where it is ({@code chain}, {@code tx}, {@code
 * logIndex}) and what it moved ({@code asset}, {@code amount}) by which {@code route}. Everything a
 * node with an RPC endpoint needs to check it against the chain without knowing the invoice; only
 * the home node can tell whether the route is the invoice's.
 *
 * <p>Wire form {@code Transfer { uint64 chain = 1; bytes tx = 2 (32); int64 log_index = 3
 * (optional; -1 = a transaction's ETH value); Asset asset = 4; Route route = 5; bytes amount = 6
 * (uint256, minimal big-endian) }}, {@code Asset { uint32 decimals = 1; string symbol = 2; bytes
 * contract = 3 (20, absent for the native coin) }}, {@code Route { bytes recipient = 1 (20); bytes
 * reference_topic = 2 (32, absent for a deposit address) }}.
 */
public record TransferClaim(
    ChainId chain,
    TxHash tx,
    OptionalLong logIndex,
    Asset asset,
    PaymentRoute route,
    BigInteger amount) {

  static final int FIELD_CHAIN = 1;
  static final int FIELD_TX = 2;
  static final int FIELD_LOG_INDEX = 3;
  static final int FIELD_ASSET = 4;
  static final int FIELD_ROUTE = 5;
  static final int FIELD_AMOUNT = 6;

  /** Bound on one encoded transfer (fixed fields plus an 11-character symbol), in bytes. */
  static final int MAX_BYTES = 256;

  private static final int ASSET_DECIMALS = 1;
  private static final int ASSET_SYMBOL = 2;
  private static final int ASSET_CONTRACT = 3;
  private static final int ROUTE_RECIPIENT = 1;
  private static final int ROUTE_REFERENCE_TOPIC = 2;
  private static final int MAX_SYMBOL_BYTES = 11;
  private static final int TOPIC_BYTES = 32;

  public TransferClaim {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(amount, "amount");
    logIndex = logIndex == null ? OptionalLong.empty() : logIndex;
    if (logIndex.isPresent() && logIndex.getAsLong() < Transfer.NATIVE_VALUE) {
      throw new IllegalArgumentException("log index " + logIndex.getAsLong());
    }
    if (!asset.chain().equals(chain)) {
      throw new IllegalArgumentException("asset on chain " + asset.chain() + ", not " + chain);
    }
    if (amount.signum() < 0 || amount.bitLength() > Wire.MAX_AMOUNT_BYTES * Byte.SIZE) {
      throw new IllegalArgumentException("an amount is a uint256, not " + amount);
    }
  }

  /** The claim of a transfer a verifier found: its exact place, asset, route and amount. */
  public static TransferClaim of(Transfer transfer) {
    return new TransferClaim(
        transfer.chain(),
        transfer.tx(),
        OptionalLong.of(transfer.logIndex()),
        transfer.asset(),
        transfer.route(),
        transfer.amount().baseUnits());
  }

  /** The wallet's proof of this claim, to verify it on chain. */
  public PaymentProof toProof() {
    return new PaymentProof(chain, tx, logIndex);
  }

  /** What the chain must show for this claim to hold, as the wallet's verifier takes it. */
  public Expectation expectation(String key) {
    return new Expectation(key, asset, route);
  }

  /** Whether {@code found} (from the chain) is exactly this claim: same place and amount. */
  public boolean isConfirmedBy(Transfer found) {
    return found.chain().equals(chain)
        && found.tx().equals(tx)
        && (logIndex.isEmpty() || logIndex.getAsLong() == found.logIndex())
        && found.amount().baseUnits().equals(amount)
        && found.route().equals(route);
  }

  /** Whether {@code other} names the same place on chain (a missing log index matches any). */
  public boolean samePlaceAs(TransferClaim other) {
    return chain.equals(other.chain)
        && tx.equals(other.tx)
        && (logIndex.isEmpty() || other.logIndex.isEmpty() || logIndex.equals(other.logIndex));
  }

  ProtoWriter encode() {
    ProtoWriter out = new ProtoWriter().writeVarint(FIELD_CHAIN, chain.value());
    out.writeBytes(FIELD_TX, tx.bytes());
    logIndex.ifPresent(index -> out.writeVarint(FIELD_LOG_INDEX, index));
    ProtoWriter assetOut =
        new ProtoWriter()
            .writeVarint(ASSET_DECIMALS, asset.decimals())
            .writeString(ASSET_SYMBOL, asset.symbol());
    if (asset instanceof Asset.Erc20 token) {
      assetOut.writeBytes(ASSET_CONTRACT, token.contract().bytes());
    }
    ProtoWriter routeOut = new ProtoWriter();
    if (route instanceof PaymentRoute.ByReference byReference) {
      routeOut
          .writeBytes(ROUTE_RECIPIENT, byReference.recipient().bytes())
          .writeBytes(ROUTE_REFERENCE_TOPIC, byReference.referenceTopic());
    } else {
      routeOut.writeBytes(
          ROUTE_RECIPIENT, ((PaymentRoute.ToDepositAddress) route).depositAddress().bytes());
    }
    return out.writeMessage(FIELD_ASSET, assetOut)
        .writeMessage(FIELD_ROUTE, routeOut)
        .writeBytes(FIELD_AMOUNT, Wire.amount(amount));
  }

  static TransferClaim decode(ProtoReader reader) {
    String what = "transfer";
    Long chainId = null;
    TxHash tx = null;
    OptionalLong logIndex = OptionalLong.empty();
    ProtoReader asset = null;
    ProtoReader route = null;
    BigInteger amount = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_CHAIN -> chainId = reader.readVarint();
        case FIELD_TX -> tx = TxHash.of(Wire.fixed(reader, TxHash.LENGTH, "transaction hash"));
        case FIELD_LOG_INDEX -> logIndex = OptionalLong.of(reader.readVarint());
        case FIELD_ASSET -> asset = reader.readMessage(MAX_BYTES);
        case FIELD_ROUTE -> route = reader.readMessage(MAX_BYTES);
        case FIELD_AMOUNT -> amount = Wire.amount(reader, "amount");
        default -> throw Wire.unknownField(what, reader.fieldNumber());
      }
    }
    ChainId chain = ChainId.of(Wire.require(chainId, what, "chain id"));
    try {
      return new TransferClaim(
          chain,
          Wire.require(tx, what, "transaction hash"),
          logIndex,
          decodeAsset(chain, Wire.require(asset, what, "asset")),
          decodeRoute(Wire.require(route, what, "route")),
          Wire.require(amount, what, "amount"));
    } catch (IllegalArgumentException e) {
      throw new MessageFormatException(
          MessageFormatException.Reason.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }

  private static Asset decodeAsset(ChainId chain, ProtoReader reader) {
    Integer decimals = null;
    String symbol = null;
    Address contract = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case ASSET_DECIMALS -> decimals = Wire.smallNumber(reader, "decimals", Asset.MAX_DECIMALS);
        case ASSET_SYMBOL -> symbol = reader.readString(MAX_SYMBOL_BYTES);
        case ASSET_CONTRACT ->
            contract = Address.of(Wire.fixed(reader, Address.LENGTH, "token contract"));
        default -> throw Wire.unknownField("asset", reader.fieldNumber());
      }
    }
    int places = Wire.require(decimals, "asset", "decimals");
    String ticker = Wire.require(symbol, "asset", "symbol");
    return contract == null
        ? new Asset.Native(chain, ticker, places)
        : new Asset.Erc20(chain, contract, ticker, places);
  }

  private static PaymentRoute decodeRoute(ProtoReader reader) {
    Address recipient = null;
    byte[] topic = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case ROUTE_RECIPIENT ->
            recipient = Address.of(Wire.fixed(reader, Address.LENGTH, "recipient"));
        case ROUTE_REFERENCE_TOPIC -> topic = Wire.fixed(reader, TOPIC_BYTES, "reference topic");
        default -> throw Wire.unknownField("route", reader.fieldNumber());
      }
    }
    Address to = Wire.require(recipient, "route", "recipient");
    return topic == null
        ? new PaymentRoute.ToDepositAddress(to)
        : new PaymentRoute.ByReference(to, topic);
  }
}
