package dev.payrelay.wallet.watch;

import static dev.payrelay.wallet.watch.Fixtures.ETH;
import static dev.payrelay.wallet.watch.Fixtures.NO_FINALIZED;
import static dev.payrelay.wallet.watch.Fixtures.USDC;
import static dev.payrelay.wallet.watch.Fixtures.USDC_CONTRACT;
import static dev.payrelay.wallet.watch.Fixtures.address;
import static dev.payrelay.wallet.watch.Fixtures.block;
import static dev.payrelay.wallet.watch.Fixtures.byReference;
import static dev.payrelay.wallet.watch.Fixtures.direct;
import static dev.payrelay.wallet.watch.Fixtures.nativeTx;
import static dev.payrelay.wallet.watch.Fixtures.range;
import static dev.payrelay.wallet.watch.Fixtures.stateAt;
import static dev.payrelay.wallet.watch.Fixtures.toDeposit;
import static dev.payrelay.wallet.watch.Fixtures.topic;
import static dev.payrelay.wallet.watch.Fixtures.viaProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.watch.PaymentObservation.Confirmed;
import dev.payrelay.wallet.watch.PaymentObservation.Finalized;
import dev.payrelay.wallet.watch.PaymentObservation.Removed;
import dev.payrelay.wallet.watch.PaymentObservation.Seen;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchStateTest {

  private static final int POLICY = 3;
  private final ExpectationIndex index = new ExpectationIndex(Fixtures.CHAIN);
  private final Address deposit = address(7);

  @BeforeEach
  void openInvoices() {
    index.add(byReference("inv-ref", USDC, topic(1)));
    index.add(toDeposit("inv-dep", ETH, deposit));
  }

  @Test
  void seesMatchedTransfersInChainOrderWithTheirConfirmations() {
    Candidate proxy = viaProxy(block(11), 4, USDC_CONTRACT, topic(1), 500);
    Candidate eth = nativeTx(block(12), deposit, 7);
    Candidate stranger = direct(block(12), 1, USDC_CONTRACT, address(9), 1);

    WatchState.Step step =
        stateAt(block(10), POLICY)
            .scan(range("main", 11, 12, proxy, eth, stranger), 12, NO_FINALIZED, index);

    assertThat(step.observations())
        .extracting(o -> o.getClass().getSimpleName() + " " + o.invoiceKey())
        .containsExactly("Seen inv-ref", "Seen inv-dep");
    Seen first = (Seen) step.observations().get(0);
    assertThat(first.confirmations()).isEqualTo(2);
    assertThat(first.transfer().asset()).isEqualTo(USDC);
    assertThat(first.transfer().amount().baseUnits()).isEqualTo(500);
    assertThat(first.transfer().logIndex()).isEqualTo(4);
    assertThat(step.state().checkpoint()).isEqualTo(block(12));
    assertThat(step.state().cursor().tracked()).hasSize(2);
  }

  @Test
  void confirmsAtThePolicyThenFinalizesWhenTheFinalizedBlockPassesIt() {
    WatchState state =
        stateAt(block(10), POLICY)
            .scan(range("main", 11, 11, nativeTx(block(11), deposit, 7)), 11, NO_FINALIZED, index)
            .state();

    assertThat(state.reevaluate(12, OptionalLong.of(8)).observations()).isEmpty();
    WatchState.Step atPolicy = state.reevaluate(13, OptionalLong.of(9));
    assertThat(atPolicy.observations()).singleElement().isInstanceOf(Confirmed.class);
    assertThat(((Confirmed) atPolicy.observations().get(0)).confirmations()).isEqualTo(3);
    assertThat(atPolicy.state().reevaluate(14, OptionalLong.of(10)).observations()).isEmpty();
    WatchState.Step finalized = atPolicy.state().reevaluate(15, OptionalLong.of(11));
    assertThat(finalized.observations()).singleElement().isInstanceOf(Finalized.class);
    assertThat(finalized.state().cursor().tracked()).isEmpty();
  }

  @Test
  void confirmsBeforeFinalizingWhenFinalityComesBeforeThePolicy() {
    WatchState state =
        stateAt(block(10), 12)
            .scan(range("main", 11, 11, nativeTx(block(11), deposit, 7)), 11, NO_FINALIZED, index)
            .state();

    assertThat(state.reevaluate(13, OptionalLong.of(11)).observations())
        .hasExactlyElementsOfTypes(Confirmed.class, Finalized.class);
  }

  @Test
  void finalizesByDepthOnAChainWithoutTheFinalizedTag() {
    WatchState state =
        stateAt(block(10), POLICY)
            .scan(range("main", 11, 11, nativeTx(block(11), deposit, 7)), 11, NO_FINALIZED, index)
            .state();

    long horizon = 11 + WatchState.MAX_REORG_DEPTH - 1;
    WatchState confirmed = state.reevaluate(horizon, NO_FINALIZED).state();
    assertThat(confirmed.reevaluate(horizon, NO_FINALIZED).observations()).isEmpty();
    assertThat(confirmed.reevaluate(horizon + 1, NO_FINALIZED).observations())
        .hasExactlyElementsOfTypes(Finalized.class);
  }

  @Test
  void rewindRemovesTransfersAboveTheForkAndKeepsThoseBelow() {
    Candidate kept = nativeTx(block(11), deposit, 1);
    Candidate orphaned = viaProxy(block(13), 0, USDC_CONTRACT, topic(1), 2);
    WatchState state =
        stateAt(block(10), POLICY)
            .scan(range("main", 11, 14, kept, orphaned), 14, NO_FINALIZED, index)
            .state();

    WatchState.Step rewound = state.rewindTo(block(12));

    assertThat(rewound.observations()).singleElement().isInstanceOf(Removed.class);
    assertThat(rewound.observations().get(0).transfer().tx()).isEqualTo(orphaned.tx());
    assertThat(rewound.state().checkpoint()).isEqualTo(block(12));
    assertThat(rewound.state().forkCandidates()).first().isEqualTo(block(12));
    assertThat(rewound.state().cursor().tracked())
        .extracting(t -> t.transfer().tx())
        .containsExactly(kept.tx());

    Candidate remined =
        new Candidate.ViaProxy(
            orphaned.tx(),
            0,
            14,
            block("fork", 14).hash(),
            USDC_CONTRACT,
            Fixtures.MERCHANT,
            orphaned.amount(),
            topic(1));
    WatchState.Step again =
        rewound.state().scan(range("fork", 13, 15, remined), 15, NO_FINALIZED, index);
    assertThat(again.observations()).singleElement().isInstanceOf(Seen.class);
    assertThat(again.observations().get(0).transfer().blockNumber()).isEqualTo(14);
  }

  @Test
  void refusesToRewindToABlockItDoesNotRemember() {
    WatchState state =
        stateAt(block(10), POLICY).scan(range("main", 11, 12), 12, NO_FINALIZED, index).state();

    assertThatThrownBy(() -> state.rewindTo(block("fork", 11)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doesNotSeeTwiceATransferFoundAgainInTheSameBlock() {
    Candidate eth = nativeTx(block(11), deposit, 7);
    WatchState state =
        stateAt(block(10), POLICY)
            .scan(range("main", 11, 11, eth), 11, NO_FINALIZED, index)
            .state();
    WatchState replay =
        WatchState.resume(
            Fixtures.CHAIN,
            POLICY,
            new WatchCursor(block(10), List.of(block(10)), state.cursor().tracked()));

    assertThat(replay.scan(range("main", 11, 11, eth), 11, NO_FINALIZED, index).observations())
        .isEmpty();
  }

  @Test
  void resumesFromItsCursorExactlyWhereItWas() {
    WatchState state =
        stateAt(block(10), POLICY)
            .scan(range("main", 11, 13, nativeTx(block(11), deposit, 7)), 13, NO_FINALIZED, index)
            .state();

    WatchState resumed = WatchState.resume(Fixtures.CHAIN, POLICY, state.cursor());

    assertThat(resumed.cursor()).isEqualTo(state.cursor());
    assertThat(resumed.reevaluate(14, NO_FINALIZED).observations())
        .isEqualTo(state.reevaluate(14, NO_FINALIZED).observations())
        .isEmpty();
    assertThat(resumed.reevaluate(20, OptionalLong.of(11)).observations())
        .hasExactlyElementsOfTypes(Finalized.class);
  }

  @Test
  void remembersOnlyTheBlocksWithinTheReorgHorizon() {
    WatchState state =
        stateAt(block(10), POLICY).scan(range("main", 11, 400), 400, NO_FINALIZED, index).state();

    assertThat(state.forkCandidates()).hasSize(WatchState.MAX_REORG_DEPTH + 1);
    assertThat(state.forkCandidates()).first().isEqualTo(block(400));
    assertThat(state.forkCandidates()).last().isEqualTo(block(400 - WatchState.MAX_REORG_DEPTH));
  }

  @Test
  void refusesARangeThatDoesNotFollowTheCheckpoint() {
    assertThatThrownBy(
            () -> stateAt(block(10), POLICY).scan(range("main", 12, 12), 12, NO_FINALIZED, index))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
