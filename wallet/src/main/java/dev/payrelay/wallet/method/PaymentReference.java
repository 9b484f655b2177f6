package dev.payrelay.wallet.method;

import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.web3j.crypto.Hash;

/**
 * An invoice's payment reference: the bytes the buyer passes to the payment proxy, which emits
 * keccak256 of them as the event's indexed topic, so the watcher finds the invoice's payment from
 * the logs alone.
 *
 * <p>Derived, not stored: {@code HMAC-SHA256(storeSecret, DOMAIN || invoiceId)} truncated to
 * {@value #LENGTH} bytes. Without the store's secret nobody can tell the reference of an invoice
 * id, nor link an on-chain payment to an invoice number, and the node can recompute it at any time.
 * The domain prefix keeps these MACs apart from anything else the same secret signs.
 *
 * <p>Why {@value #LENGTH} bytes (128 bits): guessing one takes about 2^128 tries, and two of n
 * invoices collide with probability about n²/2^129, below 10^-15 even at 10^12 invoices, where
 * Request Network's 8-byte references would collide after a few billion. It stays short in calldata
 * (one ABI word), in URIs and in QR codes; 32 bytes would add length and no real safety. Store it
 * with a unique constraint all the same: uniqueness is then enforced, not only likely.
 */
public final class PaymentReference {

  /** Length of a reference, in bytes. */
  public static final int LENGTH = 16;

  /** A store secret shorter than this, in bytes (256 bits), is refused. */
  public static final int MIN_SECRET_BYTES = 32;

  /** An invoice id longer than this, in UTF-8 bytes, is refused. */
  public static final int MAX_INVOICE_ID_BYTES = 256;

  private static final byte[] DOMAIN =
      "payrelay/payment-reference/v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final String HMAC = "HmacSHA256";

  private final byte[] bytes;

  private PaymentReference(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The reference of {@code invoiceId} in the store whose secret is {@code storeSecret}: the same
   * inputs always give the same reference.
   */
  public static PaymentReference derive(byte[] storeSecret, String invoiceId) {
    if (storeSecret == null || storeSecret.length < MIN_SECRET_BYTES) {
      throw new InvalidValueException(
          "a store secret for payment references is at least " + MIN_SECRET_BYTES + " bytes");
    }
    if (invoiceId == null || invoiceId.isBlank()) {
      throw new InvalidValueException("a payment reference needs an invoice id");
    }
    byte[] id = invoiceId.getBytes(StandardCharsets.UTF_8);
    if (id.length > MAX_INVOICE_ID_BYTES) {
      throw new InvalidValueException(
          "an invoice id has at most " + MAX_INVOICE_ID_BYTES + " bytes (UTF-8)");
    }
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(storeSecret, HMAC));
      mac.update(DOMAIN);
      return new PaymentReference(Arrays.copyOf(mac.doFinal(id), LENGTH));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is part of every Java runtime", e);
    }
  }

  /** A reference from its {@value #LENGTH} bytes. */
  public static PaymentReference of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new InvalidValueException("a payment reference is " + LENGTH + " bytes");
    }
    return new PaymentReference(bytes.clone());
  }

  /** A reference from its {@link #hex()} form. */
  public static PaymentReference parse(String text) {
    return new PaymentReference(Hex.decode(text, LENGTH, "a payment reference"));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code 0x} and {@value #LENGTH}×2 lower-case hex digits, as URIs and calldata write it. */
  public String hex() {
    return Hex.encode(bytes);
  }

  /** keccak256 of the bytes: topic 1 of the proxy's event, what logs are matched on. */
  public byte[] topicHash() {
    return Hash.sha3(bytes);
  }

  /** {@link #topicHash()} as {@code 0x…}, the form of a log topic in JSON-RPC. */
  public String topicHashHex() {
    return Hex.encode(topicHash());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaymentReference other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
