package dev.payrelay.p2p.security.noise;

/**
 * The libp2p Noise handshake failed: a truncated or malformed handshake message, an undecodable
 * {@link NoiseHandshakePayload}, an identity signature that does not verify, or a remote peer that
 * is not the one we dialled. The spec requires the connection to be terminated at once.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/noise/README.md">noise-libp2p</a>
 */
public class NoiseHandshakeException extends NoiseException {

  public NoiseHandshakeException(String message) {
    super(message);
  }

  public NoiseHandshakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
