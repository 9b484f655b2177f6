package dev.payrelay.p2p.pubsub;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes a message's id, the key of the seen cache, the message cache and IHAVE/IWANT. Every node
 * of a network must use the same function; implementations differ by default (js: key ‖ seqno, go:
 * from ‖ seqno), so PayRelay configures {@link #SHA256_OF_DATA} everywhere.
 */
@FunctionalInterface
public interface MessageIdFunction {
  /** SHA-256 of the message data: the same payload has the same id, whoever publishes it. */
  MessageIdFunction SHA256_OF_DATA = message -> MessageId.of(sha256(message.dataView()));

  MessageId apply(PubSubMessage message);

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
