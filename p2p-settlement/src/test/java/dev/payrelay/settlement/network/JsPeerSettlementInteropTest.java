package dev.payrelay.settlement.network;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.p2p.interop.JsPeer;
import dev.payrelay.settlement.NetworkFixtures;
import dev.payrelay.settlement.ProofOutcome;
import dev.payrelay.settlement.SettlementConfig;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A js-libp2p peer ({@code tools/libp2p}, gossipsub with the network's message id and StrictSign)
 * on the proofs topic of two settlement nodes: A (the home) and C, which the js peer is linked to.
 */
class JsPeerSettlementInteropTest {
  static final BigInteger PRICE = BigInteger.TEN.pow(15);
  static final int GARBAGE_MESSAGES = 2;

  final String proofs = SettlementConfig.of(NetNode.NETWORK).proofsTopic();
  @RegisterExtension final NetNodes nodes = new NetNodes();

  @Test
  void receivesAProofFromJavaWhileItsGarbageIsRejectedAndThePaymentStillSettles() throws Exception {
    JsPeer js = JsPeer.start("gossip");
    nodes.closeAfter(js);
    js.call("subscribe", Map.of("topic", proofs));
    NetNode a = nodes.start(NetNode.config());
    NetNode c = nodes.start(NetNode.config(a.address()));
    await(c.node.dial(js.address()));
    eventually("C linked to A and js on the proofs topic", () -> c.meshSize(proofs) == 2);
    eventually(
        "js sees C on the proofs topic",
        () ->
            texts(js.call("subscribers", Map.of("topic", proofs)).get("subscribers"))
                .contains(c.id().toBase58()));

    js.call("publish", Map.of("topic", proofs, "prefix", "garbage", "count", GARBAGE_MESSAGES));
    eventually(
        "C rejected the js peer's garbage and its score fell",
        () -> c.scoreOf(js.peerId()).map(score -> score < 0).orElse(false));

    NetworkFixtures.Invoice invoice = NetworkFixtures.openInvoice(a.id(), a.ledger, PRICE);
    PaymentProofMessage proof = NetworkFixtures.pay(invoice, PRICE);
    assertThat(c.node.engine().submit(proof).block(NetNode.BOUND))
        .isInstanceOf(ProofOutcome.Relayed.class);

    String expected = HexFormat.of().formatHex(SettlementMessages.encode(proof));
    eventually("js received the proof", () -> receivedHex(js).contains(expected));
    eventually("A settled", () -> a.applications() == 1);
    assertThat(a.connectedTo(js.peerId())).isFalse();
    assertThat(NetworkFixtures.stored(c.store))
        .as("the proof and, in time, A's receipt; none of the garbage")
        .filteredOn(PaymentProofMessage.class::isInstance)
        .containsExactly(proof);
  }

  private List<String> receivedHex(JsPeer js) {
    List<String> list = new ArrayList<>();
    js.call("received", Map.of("topic", proofs))
        .get("messages")
        .forEach(m -> list.add(m.get("hex").asText()));
    return list;
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }
}
