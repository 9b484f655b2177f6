package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/** Values for the unit tests of the core: a chain, a token, addresses, blocks and candidates. */
final class Fixtures {

  static final ChainId CHAIN = ChainId.of(1337);
  static final Asset.Native ETH = Asset.ether(CHAIN);
  static final Address USDC_CONTRACT = address(0xC0);
  static final Asset.Erc20 USDC = new Asset.Erc20(CHAIN, USDC_CONTRACT, "USDC", 6);
  static final Address MERCHANT = address(0x11);
  static final OptionalLong NO_FINALIZED = OptionalLong.empty();

  private static final Random RANDOM = new Random(42);

  private Fixtures() {}

  static Address address(int seed) {
    byte[] bytes = new byte[20];
    new Random(seed).nextBytes(bytes);
    return Address.of(bytes);
  }

  static String hash(String fork, long number) {
    byte[] bytes = new byte[32];
    ByteBuffer.wrap(bytes).putLong(number).putInt(fork.hashCode());
    return Hex.encode(bytes);
  }

  static Checkpoint block(long number) {
    return block("main", number);
  }

  static Checkpoint block(String fork, long number) {
    return new Checkpoint(number, hash(fork, number));
  }

  static String topic(int seed) {
    byte[] bytes = new byte[32];
    new Random(seed).nextBytes(bytes);
    return Hex.encode(bytes);
  }

  static Expectation byReference(String invoice, Asset asset, String topic) {
    return new Expectation(
        invoice, asset, new PaymentRoute.ByReference(MERCHANT, Hex.decode(topic, 32, "topic")));
  }

  static Expectation toDeposit(String invoice, Asset asset, Address deposit) {
    return new Expectation(invoice, asset, new PaymentRoute.ToDepositAddress(deposit));
  }

  static TxHash tx() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return TxHash.of(bytes);
  }

  static Candidate viaProxy(
      Checkpoint at, long logIndex, Address token, String topic, long amount) {
    return new Candidate.ViaProxy(
        tx(), logIndex, at.number(), at.hash(), token, MERCHANT, BigInteger.valueOf(amount), topic);
  }

  static Candidate direct(Checkpoint at, long logIndex, Address token, Address to, long amount) {
    return new Candidate.Direct(
        tx(), logIndex, at.number(), at.hash(), token, to, BigInteger.valueOf(amount));
  }

  static Candidate nativeTx(Checkpoint at, Address to, long wei) {
    return direct(at, Transfer.NATIVE_VALUE, null, to, wei);
  }

  /** Blocks {@code from..to} of {@code fork}, every header known, with these candidates. */
  static ScannedRange range(String fork, long from, long to, Candidate... candidates) {
    List<Checkpoint> headers =
        java.util.stream.LongStream.rangeClosed(from, to).mapToObj(n -> block(fork, n)).toList();
    return new ScannedRange(from, block(fork, to), headers, List.of(candidates));
  }

  static WatchState stateAt(Checkpoint checkpoint, int confirmations) {
    return WatchState.resume(CHAIN, confirmations, WatchCursor.at(checkpoint));
  }
}
