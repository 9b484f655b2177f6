package dev.payrelay.invoicing.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.TrackedTransfer;
import dev.payrelay.wallet.watch.WatchCursor;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchCursorJsonTest {

  static final ChainId CHAIN = ChainId.of(8453);
  static final WatchCursorJson codec = new WatchCursorJson(new ObjectMapper());

  @Test
  void aCursorWithTransfersOfEveryKindRoundTrips() {
    Asset usdc =
        new Asset.Erc20(
            CHAIN, Address.parse("0x833589fcd6edb6e08f4c7c32d4f71b54bda02913"), "USDC", 6);
    Transfer byReference =
        new Transfer(
            CHAIN,
            TxHash.parse("0x" + "11".repeat(32)),
            3,
            100,
            "0x" + "aa".repeat(32),
            usdc,
            Address.parse("0x" + "22".repeat(20)),
            TokenAmount.parse(usdc, "19.99"),
            new PaymentRoute.ByReference(Address.parse("0x" + "22".repeat(20)), new byte[32]));
    Asset eth = Asset.ether(CHAIN);
    Transfer toDeposit =
        new Transfer(
            CHAIN,
            TxHash.parse("0x" + "33".repeat(32)),
            Transfer.NATIVE_VALUE,
            101,
            "0x" + "bb".repeat(32),
            eth,
            Address.parse("0x" + "44".repeat(20)),
            TokenAmount.ofBaseUnits(eth, TokenAmount.MAX_UINT256),
            new PaymentRoute.ToDepositAddress(Address.parse("0x" + "44".repeat(20))));
    Checkpoint head = new Checkpoint(101, "0x" + "bb".repeat(32));
    WatchCursor cursor =
        new WatchCursor(
            head,
            List.of(new Checkpoint(100, "0x" + "aa".repeat(32)), head),
            List.of(
                new TrackedTransfer(byReference, "inv-1", true),
                new TrackedTransfer(toDeposit, "inv-2", false)));

    assertThat(codec.read(codec.write(cursor))).isEqualTo(cursor);
  }

  @Test
  void aCursorOfAnotherVersionIsRefusedNotMisread() {
    assertThatThrownBy(() -> codec.read("{\"v\":2}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 2");
  }
}
