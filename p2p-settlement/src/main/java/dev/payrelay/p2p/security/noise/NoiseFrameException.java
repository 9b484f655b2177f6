package dev.payrelay.p2p.security.noise;

/**
 * A noise-libp2p wire frame broke the framing rules: a length prefix above the limit or below the
 * 16-byte AEAD tag, or a message too large for one frame.
 *
 * @see NoiseFrames
 */
public class NoiseFrameException extends NoiseException {

  public NoiseFrameException(String message) {
    super(message);
  }
}
