package dev.payrelay.p2p.multistream;

/**
 * Internal carrier of a {@link MultistreamFailure} out of the decoder; never escapes the package.
 */
final class MultistreamException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient MultistreamFailure failure;

  MultistreamException(MultistreamFailure.Kind kind, String detail) {
    super(detail, null, false, false);
    this.failure = new MultistreamFailure(kind, detail);
  }

  MultistreamFailure failure() {
    return failure;
  }
}
