package dev.payrelay.p2p.mux.yamux;

/**
 * The yamux frame types (spec "Type Field") with their wire codes.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md#type-field">yamux, Type
 *     Field</a>
 */
public enum YamuxFrameType {
  /** Stream data; the length field is the payload length. */
  DATA(0),
  /** Window update; the length field is an additive delta to the sender's receive window. */
  WINDOW_UPDATE(1),
  /** Ping; the length field is an opaque value echoed back. */
  PING(2),
  /** Go away; the length field is an error code. */
  GO_AWAY(3);

  private final int code;

  YamuxFrameType(int code) {
    this.code = code;
  }

  /** The wire code of this type. */
  public int code() {
    return code;
  }

  /** The type with this wire code, or {@code null} for an unknown code. */
  static YamuxFrameType fromCode(int code) {
    switch (code) {
      case 0:
        return DATA;
      case 1:
        return WINDOW_UPDATE;
      case 2:
        return PING;
      case 3:
        return GO_AWAY;
      default:
        return null;
    }
  }
}
