package dev.payrelay.settlement.message;

/** What an attester found when it checked a receipt against the chain. Wire numbers from 1. */
public enum Verdict {
  /** Every transfer of the receipt is on the chain, deep enough, with the receipt's amounts. */
  CONFIRMED(1),
  /** The chain contradicts the receipt: a transfer is missing, different, or reorged away. */
  DISPUTED(2);

  private final int number;

  Verdict(int number) {
    this.number = number;
  }

  int number() {
    return number;
  }

  static Verdict fromNumber(long number) {
    for (Verdict verdict : values()) {
      if (verdict.number == number) {
        return verdict;
      }
    }
    throw new MessageFormatException(
        MessageFormatException.Reason.MALFORMED,
        "verdict " + Long.toUnsignedString(number) + " is not defined");
  }
}
