package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.security.noise.NoiseException;
import dev.payrelay.p2p.security.noise.NoiseFrames;
import dev.payrelay.p2p.security.noise.NoiseSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * The secured channel after the Noise handshake: received frames (reassembled by the handshake's
 * {@code NoiseFrameDecoder}, which keeps working) are decrypted; plaintext to send is split into
 * frames of at most {@value NoiseFrames#MAX_FRAME_PLAINTEXT_BYTES} bytes and encrypted. One per
 * connection, used on its event loop only.
 */
final class NoiseChannelCipher {

  private final NoiseSession session;

  NoiseChannelCipher(NoiseSession session) {
    this.session = session;
  }

  NoiseSession session() {
    return session;
  }

  /** Decrypts one frame body. */
  byte[] decryptFrame(byte[] frame) throws NoiseException {
    return session.receiver().decrypt(frame);
  }

  /** Encrypts {@code plaintext} into a buffer of whole frames (wrapping, not copying, them). */
  ByteBuf encrypt(byte[] plaintext) throws NoiseException {
    List<byte[]> frames = NoiseFrames.encrypt(session.sender(), plaintext);
    return Unpooled.wrappedBuffer(frames.toArray(new byte[0][]));
  }
}
