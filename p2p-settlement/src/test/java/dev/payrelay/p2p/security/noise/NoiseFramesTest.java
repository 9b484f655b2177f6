package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoiseFramesTest {

  private static final byte[] KEY = new byte[CipherState.KEY_BYTES];

  @Test
  void theLimitsAreTheSpecsOnes() {
    assertThat(NoiseFrames.MAX_FRAME_BYTES).isEqualTo(65_535);
    assertThat(NoiseFrames.MAX_FRAME_PLAINTEXT_BYTES)
        .isEqualTo(NoiseFrames.MAX_FRAME_BYTES - CipherState.TAG_BYTES)
        .isEqualTo(65_519);
  }

  @Test
  void aFrameIsATwoByteBigEndianLengthThenTheMessage() throws Exception {
    byte[] message = new byte[0x0123];
    message[0] = 7;
    byte[] framed = NoiseFrames.frame(message);
    assertThat(framed).hasSize(2 + 0x0123);
    assertThat(framed[0]).isEqualTo((byte) 0x01);
    assertThat(framed[1]).isEqualTo((byte) 0x23);
    assertThat(framed[2]).isEqualTo((byte) 7);
    assertThat(NoiseFrames.frame(new byte[65_535])).startsWith((byte) 0xff, (byte) 0xff);
  }

  @Test
  void aMessageOverTheFrameLimitCannotBeFramed() {
    assertThatThrownBy(() -> NoiseFrames.frame(new byte[65_536]))
        .isInstanceOf(NoiseFrameException.class)
        .hasMessageContaining("at most 65535 bytes");
  }

  @ParameterizedTest(name = "{0} bytes of plaintext -> {1} frame(s)")
  @CsvSource({"0, 0", "1, 1", "65518, 1", "65519, 1", "65520, 2", "131038, 2", "131039, 3"})
  void splitsPlaintextIntoFramesOfAtMost65519Bytes(int plaintextBytes, int frames)
      throws Exception {
    byte[] plaintext = new byte[plaintextBytes];
    for (int i = 0; i < plaintext.length; i++) {
      plaintext[i] = (byte) (i * 31);
    }
    CipherState sender = new CipherState(KEY);
    CipherState receiver = new CipherState(KEY);

    List<byte[]> framed = NoiseFrames.encrypt(sender, plaintext);

    assertThat(framed).hasSize(frames).hasSize(NoiseFrames.chunkCount(plaintextBytes));
    assertThat(sender.nonce()).isEqualTo(frames);
    NoiseFrameDecoder decoder = new NoiseFrameDecoder();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] frame : framed) {
      assertThat(frame.length).isLessThanOrEqualTo(2 + 65_535);
      for (byte[] body : decoder.feed(frame)) {
        out.writeBytes(receiver.decrypt(body));
      }
    }
    assertThat(out.toByteArray()).isEqualTo(plaintext);
  }

  @Test
  void aPlaintextOf65519BytesFillsOneFrameTo65535() throws Exception {
    byte[] frame = NoiseFrames.encryptOne(new CipherState(KEY), new byte[65_519]);
    assertThat(frame).hasSize(2 + 65_535);
    assertThat(frame[0]).isEqualTo((byte) 0xff);
    assertThat(frame[1]).isEqualTo((byte) 0xff);
  }

  @Test
  void aPlaintextOf65520BytesDoesNotFitOneFrame() {
    CipherState sender = new CipherState(KEY);
    assertThatThrownBy(() -> NoiseFrames.encryptOne(sender, new byte[65_520]))
        .isInstanceOf(NoiseFrameException.class)
        .hasMessageContaining("at most 65519 bytes of plaintext, got 65520");
    assertThat(sender.nonce()).isZero();
  }
}
