package dev.payrelay.gateway.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.payrelay.settlement.ProofOutcome;
import dev.payrelay.settlement.ReceiptView;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code /v1/proofs} answers and {@code /v1/receipts/{invoiceRef}} (see the contract).
 */
final class SettlementJson {
  private static final HexFormat HEX = HexFormat.of();

  private SettlementJson() {}

  /** What became of a submitted proof. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProofAnswer(String outcome, String detail, String invoice, Receipt receipt) {}

  /** A receipt as this node holds it, with who attested it and whether this node trusts it. */
  record ReceiptAnswer(Receipt receipt, List<AttestationJson> attestations, String acceptance) {
    static ReceiptAnswer of(ReceiptView view) {
      return new ReceiptAnswer(
          Receipt.of(view.receipt()),
          view.attestations().stream().map(AttestationJson::of).toList(),
          view.acceptance().name().toLowerCase(Locale.ROOT));
    }
  }

  record Receipt(
      String invoice,
      String home,
      String status,
      String invoiceDigest,
      String digest,
      Instant issuedAt,
      List<TransferJson> transfers,
      String signature) {
    static Receipt of(SettlementReceipt receipt) {
      return new Receipt(
          receipt.invoice().toString(),
          receipt.invoice().home().toString(),
          receipt.status().name().toLowerCase(Locale.ROOT),
          "0x" + HEX.formatHex(receipt.invoiceDigest()),
          "0x" + HEX.formatHex(receipt.digest()),
          receipt.issuedAt(),
          receipt.transfers().stream().map(TransferJson::of).toList(),
          "0x" + HEX.formatHex(receipt.signature()));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TransferJson(
      long chainId, String txHash, Long logIndex, String asset, String amount, String route) {
    static TransferJson of(TransferClaim claim) {
      return new TransferJson(
          claim.chain().value(),
          claim.tx().toString(),
          claim.logIndex().isPresent() ? claim.logIndex().getAsLong() : null,
          claim.asset().symbol(),
          claim.amount().toString(),
          claim.route() instanceof PaymentRoute.ByReference ? "reference" : "deposit");
    }
  }

  record AttestationJson(String attester, String verdict, Instant at, String signature) {
    static AttestationJson of(Attestation attestation) {
      return new AttestationJson(
          attestation.attester().toString(),
          attestation.verdict().name().toLowerCase(Locale.ROOT),
          attestation.at(),
          "0x" + HEX.formatHex(attestation.signature()));
    }
  }

  /** The answer for every outcome but a rejection (which is a problem). */
  static ProofAnswer answer(InvoiceRef invoice, ProofOutcome outcome) {
    String ref = invoice.toString();
    if (outcome instanceof ProofOutcome.Settled settled) {
      return new ProofAnswer(
          "settled", "The home node applied the payment.", ref, Receipt.of(settled.receipt()));
    }
    if (outcome instanceof ProofOutcome.Relayed) {
      return new ProofAnswer(
          "relayed",
          "The chain confirms the transfer; the proof went to the network for the home node.",
          ref,
          null);
    }
    if (outcome instanceof ProofOutcome.Pending pending) {
      return new ProofAnswer(
          "pending",
          "The transfer has "
              + pending.confirmations()
              + " of "
              + pending.required()
              + " confirmations; this node checks it again as blocks arrive.",
          ref,
          null);
    }
    if (outcome instanceof ProofOutcome.Unverifiable unverifiable) {
      return new ProofAnswer(
          "unverifiable",
          "This node cannot check the transfer now ("
              + unverifiable.why()
              + "); it keeps the proof for the home node.",
          ref,
          null);
    }
    if (outcome instanceof ProofOutcome.Duplicate) {
      return new ProofAnswer(
          "duplicate", "This node has this proof already; nothing changed.", ref, null);
    }
    if (outcome instanceof ProofOutcome.Refused refused) {
      return new ProofAnswer("refused", refused.why(), ref, null);
    }
    return new ProofAnswer("rate_limited", "Too many proofs; try again later.", ref, null);
  }
}
