package dev.payrelay.p2p.security.noise;

/**
 * A Noise operation failed: an AEAD tag did not verify, a nonce was exhausted, a Diffie-Hellman
 * public key was rejected, or a message or frame broke a size limit. The connection that produced
 * it must be closed; none of the Noise objects involved may be used again.
 *
 * @see <a href="https://noiseprotocol.org/noise.html">The Noise Protocol Framework, revision 34</a>
 */
public class NoiseException extends Exception {

  public NoiseException(String message) {
    super(message);
  }

  public NoiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
