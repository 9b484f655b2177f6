package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;

/** Fixed and random settlement messages for codec tests. */
final class Messages {
  static final ChainId CHAIN = ChainId.of(1337);
  static final Ed25519KeyPair HOME = Ed25519KeyPair.fromSeed(filled(32, 0x11));
  static final Ed25519KeyPair ATTESTER = Ed25519KeyPair.fromSeed(filled(32, 0x22));
  static final InvoiceRef INVOICE =
      new InvoiceRef(HOME.peerId(), UUID.fromString("0b5e7a1c-3d2f-4e60-8a9b-c0d1e2f3a4b5"));
  static final Asset USDC = new Asset.Erc20(CHAIN, Address.of(filled(20, 0xa0)), "USDC", 6);
  static final Instant AT = Instant.parse("2026-11-22T06:00:00.123Z");

  /** A few keys for random messages: deriving one costs about a millisecond. */
  private static final List<Ed25519KeyPair> KEYS =
      List.of(HOME, ATTESTER, Ed25519KeyPair.fromSeed(filled(32, 0x33)));

  private static final int MANY_TRANSFERS = 4;

  private Messages() {}

  static TransferClaim etherByReference() {
    return new TransferClaim(
        CHAIN,
        TxHash.of(filled(32, 0x01)),
        OptionalLong.of(3),
        Asset.ether(CHAIN),
        new PaymentRoute.ByReference(Address.of(filled(20, 0x02)), filled(32, 0x03)),
        new BigInteger("500000000000000000"));
  }

  static TransferClaim usdcToDepositAddress() {
    return new TransferClaim(
        CHAIN,
        TxHash.of(filled(32, 0x04)),
        OptionalLong.empty(),
        USDC,
        new PaymentRoute.ToDepositAddress(Address.of(filled(20, 0x05))),
        BigInteger.valueOf(19_990_000));
  }

  static PaymentProofMessage proof() {
    return new PaymentProofMessage(INVOICE, etherByReference());
  }

  static SettlementReceipt receipt() {
    return SettlementReceipt.sign(
        HOME,
        INVOICE,
        filled(32, 0x06),
        List.of(etherByReference(), withLog(usdcToDepositAddress(), 7)),
        ReceiptStatus.PAID,
        AT);
  }

  static Attestation attestation() {
    return Attestation.sign(ATTESTER, receipt(), Verdict.CONFIRMED, AT.plusSeconds(2));
  }

  static TransferClaim withLog(TransferClaim claim, long logIndex) {
    return new TransferClaim(
        claim.chain(),
        claim.tx(),
        OptionalLong.of(logIndex),
        claim.asset(),
        claim.route(),
        claim.amount());
  }

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  static byte[] random(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** A random valid message of any kind. */
  static SettlementMessage randomMessage(SplittableRandom random) {
    Ed25519KeyPair home = KEYS.get(random.nextInt(KEYS.size()));
    InvoiceRef invoice =
        new InvoiceRef(home.peerId(), new UUID(random.nextLong(), random.nextLong()));
    return switch (random.nextInt(3)) {
      case 0 -> new PaymentProofMessage(invoice, randomTransfer(random, false));
      case 1 -> {
        List<TransferClaim> transfers = new ArrayList<>();
        int count =
            random.nextInt(8) == 0
                ? SettlementReceipt.MAX_TRANSFERS
                : 1 + random.nextInt(MANY_TRANSFERS);
        for (int i = 0; i < count; i++) {
          transfers.add(randomTransfer(random, true));
        }
        yield SettlementReceipt.sign(
            home,
            invoice,
            random(random, 32),
            transfers,
            ReceiptStatus.values()[random.nextInt(ReceiptStatus.values().length)],
            Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)));
      }
      default ->
          Attestation.sign(
              home,
              SettlementReceipt.sign(
                  home,
                  invoice,
                  random(random, 32),
                  List.of(randomTransfer(random, true)),
                  ReceiptStatus.PAID,
                  AT),
              Verdict.values()[random.nextInt(Verdict.values().length)],
              Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)));
    };
  }

  static TransferClaim randomTransfer(SplittableRandom random, boolean withLog) {
    ChainId chain = ChainId.of(random.nextLong(1, ChainId.MAX));
    Asset asset =
        random.nextBoolean()
            ? new Asset.Native(chain, "ETH", 18)
            : new Asset.Erc20(chain, Address.of(random(random, 20)), "T.0", random.nextInt(37));
    PaymentRoute route =
        random.nextBoolean()
            ? new PaymentRoute.ByReference(Address.of(random(random, 20)), random(random, 32))
            : new PaymentRoute.ToDepositAddress(Address.of(random(random, 20)));
    OptionalLong log =
        withLog || random.nextBoolean()
            ? OptionalLong.of(random.nextLong(-1, Long.MAX_VALUE))
            : OptionalLong.empty();
    return new TransferClaim(
        chain,
        TxHash.of(random(random, 32)),
        log,
        asset,
        route,
        new BigInteger(random.nextInt(257), new java.util.Random(random.nextLong())));
  }
}
