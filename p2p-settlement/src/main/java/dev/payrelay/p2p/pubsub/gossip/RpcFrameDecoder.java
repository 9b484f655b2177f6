package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.Varint;
import dev.payrelay.p2p.core.VarintException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the bytes of one inbound {@code /meshsub/*} stream into RPC bodies: each is an unsigned
 * varint length followed by that many bytes of protobuf. Feed it chunks as they arrive, split
 * anywhere. A length over the limit is rejected as soon as the prefix is complete, before a byte of
 * the body is buffered; after any error the decoder is failed and the stream must be reset.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/pubsub/README.md">pubsub</a> (RPCs
 * are length-prefixed on the stream); <a href="https://github.com/multiformats/unsigned-varint">
 * unsigned-varint</a>. Not thread-safe: one decoder per stream, fed by one thread at a time.
 */
public final class RpcFrameDecoder {
  private static final int CONTINUATION_BIT = 0x80;

  private final int maxRpcBytes;
  private final byte[] prefix = new byte[Varint.MAX_BYTES];
  private int prefixLength;
  private byte[] body;
  private int bodyFilled;
  private boolean failed;

  /** A decoder rejecting bodies over {@code maxRpcBytes}. */
  public RpcFrameDecoder(int maxRpcBytes) {
    if (maxRpcBytes < 1) {
      throw new IllegalArgumentException("maxRpcBytes must be positive, not " + maxRpcBytes);
    }
    this.maxRpcBytes = maxRpcBytes;
  }

  /** A decoder with the {@linkplain RpcCodec#DEFAULT_MAX_RPC_BYTES default limit}. */
  public RpcFrameDecoder() {
    this(RpcCodec.DEFAULT_MAX_RPC_BYTES);
  }

  /** The length-prefixed frame of {@code body}: uvarint length ‖ body. */
  public static byte[] frame(byte[] body) {
    byte[] length = Varint.encode(body.length);
    byte[] out = new byte[length.length + body.length];
    System.arraycopy(length, 0, out, 0, length.length);
    System.arraycopy(body, 0, out, length.length, body.length);
    return out;
  }

  /**
   * Consumes {@code length} bytes of {@code chunk} from {@code offset}.
   *
   * @return the RPC bodies completed by this chunk, in order (often none or one)
   * @throws RpcTooLargeException if a length prefix is over the limit
   * @throws RpcFormatException if a length prefix is not a valid varint, or the decoder already
   *     failed
   */
  public List<byte[]> feed(byte[] chunk, int offset, int length) {
    if (failed) {
      throw new RpcFormatException("the stream already failed; reset it");
    }
    List<byte[]> out = new ArrayList<>(1);
    int position = offset;
    int end = offset + length;
    try {
      while (position < end) {
        if (body == null) {
          position = readPrefixByte(chunk, position);
          if (body != null && body.length == 0) {
            out.add(body);
            body = null;
          }
        } else {
          int n = Math.min(end - position, body.length - bodyFilled);
          System.arraycopy(chunk, position, body, bodyFilled, n);
          bodyFilled += n;
          position += n;
          if (bodyFilled == body.length) {
            out.add(body);
            body = null;
            bodyFilled = 0;
          }
        }
      }
    } catch (RpcFormatException e) {
      failed = true;
      throw e;
    }
    return out;
  }

  /** Consumes all of {@code chunk}. */
  public List<byte[]> feed(byte[] chunk) {
    return feed(chunk, 0, chunk.length);
  }

  /** Bytes held for an incomplete frame (prefix and body so far). */
  public int bufferedBytes() {
    return prefixLength + bodyFilled;
  }

  private int readPrefixByte(byte[] chunk, int position) {
    byte b = chunk[position];
    if (prefixLength == prefix.length) {
      throw new RpcFormatException(
          "RPC length prefix is longer than " + Varint.MAX_BYTES + " bytes");
    }
    prefix[prefixLength++] = b;
    if ((b & CONTINUATION_BIT) != 0) {
      if (prefixLength == prefix.length) {
        throw new RpcFormatException(
            "RPC length prefix is longer than " + Varint.MAX_BYTES + " bytes");
      }
      return position + 1;
    }
    long announced;
    try {
      announced = Varint.decode(prefix, 0);
    } catch (VarintException e) {
      throw new RpcFormatException("invalid RPC length prefix: " + e.getMessage(), e);
    }
    prefixLength = 0;
    if (announced > maxRpcBytes) {
      throw new RpcTooLargeException(announced, maxRpcBytes);
    }
    body = new byte[(int) announced];
    bodyFilled = 0;
    return position + 1;
  }
}
