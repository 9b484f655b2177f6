package dev.payrelay.invoicing.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;

/** A {@link Transfer} as stored JSON: every field explicit, amounts as decimal strings. */
final class TransferJson {

  private TransferJson() {}

  static ObjectNode write(ObjectMapper json, Transfer t) {
    ObjectNode node = json.createObjectNode();
    node.put("chain", t.chain().value());
    node.put("tx", t.tx().toString());
    node.put("logIndex", t.logIndex());
    node.put("blockNumber", t.blockNumber());
    node.put("blockHash", t.blockHash());
    node.set("asset", writeAsset(json, t.asset()));
    node.put("to", t.to().toLowerHex());
    node.put("amount", t.amount().baseUnits().toString());
    node.set("route", writeRoute(json, t.route()));
    return node;
  }

  static Transfer read(JsonNode node) {
    Asset asset = readAsset(node.required("asset"));
    return new Transfer(
        ChainId.of(node.required("chain").asLong()),
        TxHash.parse(node.required("tx").asText()),
        node.required("logIndex").asLong(),
        node.required("blockNumber").asLong(),
        node.required("blockHash").asText(),
        asset,
        Address.parse(node.required("to").asText()),
        TokenAmount.ofBaseUnits(asset, new BigInteger(node.required("amount").asText())),
        readRoute(node.required("route")));
  }

  private static ObjectNode writeAsset(ObjectMapper json, Asset asset) {
    ObjectNode node = json.createObjectNode();
    node.put("chain", asset.chain().value());
    node.put("symbol", asset.symbol());
    node.put("decimals", asset.decimals());
    if (asset instanceof Asset.Erc20 token) {
      node.put("kind", "erc20");
      node.put("contract", token.contract().toLowerHex());
    } else {
      node.put("kind", "native");
    }
    return node;
  }

  private static Asset readAsset(JsonNode node) {
    ChainId chain = ChainId.of(node.required("chain").asLong());
    String symbol = node.required("symbol").asText();
    int decimals = node.required("decimals").asInt();
    return switch (node.required("kind").asText()) {
      case "native" -> new Asset.Native(chain, symbol, decimals);
      case "erc20" ->
          new Asset.Erc20(
              chain, Address.parse(node.required("contract").asText()), symbol, decimals);
      default -> throw new IllegalArgumentException("unknown asset kind " + node.get("kind"));
    };
  }

  private static ObjectNode writeRoute(ObjectMapper json, PaymentRoute route) {
    ObjectNode node = json.createObjectNode();
    if (route instanceof PaymentRoute.ByReference r) {
      node.put("kind", "reference");
      node.put("recipient", r.recipient().toLowerHex());
      node.put("referenceTopic", Hex.encode(r.referenceTopic()));
    } else if (route instanceof PaymentRoute.ToDepositAddress d) {
      node.put("kind", "deposit");
      node.put("depositAddress", d.depositAddress().toLowerHex());
    }
    return node;
  }

  private static PaymentRoute readRoute(JsonNode node) {
    return switch (node.required("kind").asText()) {
      case "reference" ->
          new PaymentRoute.ByReference(
              Address.parse(node.required("recipient").asText()),
              Hex.decode(node.required("referenceTopic").asText(), 32, "a reference topic"));
      case "deposit" ->
          new PaymentRoute.ToDepositAddress(
              Address.parse(node.required("depositAddress").asText()));
      default -> throw new IllegalArgumentException("unknown route kind " + node.get("kind"));
    };
  }
}
