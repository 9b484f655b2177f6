package dev.payrelay.settlement.message;

/**
 * The invoice's status after the transfers a receipt lists, as its home node computed it (the
 * invoice statuses of ARCHITECTURE "The invoice"). Wire numbers start at 1; 0 is not a status.
 */
public enum ReceiptStatus {
  OPEN(1),
  PROCESSING(2),
  PAID(3),
  EXPIRED(4),
  VOID(5);

  private final int number;

  ReceiptStatus(int number) {
    this.number = number;
  }

  int number() {
    return number;
  }

  static ReceiptStatus fromNumber(long number) {
    for (ReceiptStatus status : values()) {
      if (status.number == number) {
        return status;
      }
    }
    throw new MessageFormatException(
        MessageFormatException.Reason.MALFORMED,
        "receipt status " + Long.toUnsignedString(number) + " is not defined");
  }
}
