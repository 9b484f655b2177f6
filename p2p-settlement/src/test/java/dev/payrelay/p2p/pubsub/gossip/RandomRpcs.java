package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.pubsub.MessageId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid RPCs and of corruptions of their bytes. */
final class RandomRpcs {
  private RandomRpcs() {}

  static Rpc rpc(SplittableRandom r) {
    List<Rpc.SubOpts> subs = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      subs.add(new Rpc.SubOpts(r.nextBoolean(), maybe(r, topic(r))));
    }
    List<RpcMessage> messages = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      messages.add(
          new RpcMessage(
              maybe(r, bytes(r, 38)),
              maybe(r, bytes(r, r.nextInt(100))),
              maybe(r, bytes(r, 8)),
              maybe(r, topic(r)),
              maybe(r, bytes(r, 64)),
              maybe(r, bytes(r, 36))));
    }
    Rpc.Control control =
        r.nextInt(3) == 0
            ? Rpc.Control.EMPTY
            : new Rpc.Control(
                repeat(r, () -> new Rpc.IHave(maybe(r, topic(r)), ids(r))),
                repeat(r, () -> new Rpc.IWant(ids(r))),
                repeat(r, () -> new Rpc.Graft(maybe(r, topic(r)))),
                repeat(
                    r,
                    () ->
                        new Rpc.Prune(
                            maybe(r, topic(r)),
                            repeat(
                                r,
                                () ->
                                    new Rpc.PeerInfo(
                                        maybe(r, bytes(r, 38)), maybe(r, bytes(r, 20)))),
                            r.nextBoolean() ? (long) r.nextInt(120) : null)));
    return new Rpc(subs, messages, control);
  }

  static byte[] bytes(SplittableRandom r, int length) {
    byte[] out = new byte[length];
    r.nextBytes(out);
    return out;
  }

  static byte[] mutate(SplittableRandom r, byte[] valid) {
    byte[] out = valid.clone();
    if (out.length == 0) {
      return new byte[] {(byte) r.nextInt(256)};
    }
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      out[r.nextInt(out.length)] = (byte) r.nextInt(256);
    }
    return out;
  }

  private static String topic(SplittableRandom r) {
    String[] topics = {"/payrelay/main/proofs/1", "t", "ü-topic", "/x/" + r.nextInt(1000)};
    return topics[r.nextInt(topics.length)];
  }

  private static List<MessageId> ids(SplittableRandom r) {
    return repeat(r, () -> MessageId.of(bytes(r, 1 + r.nextInt(40))));
  }

  private static <T> T maybe(SplittableRandom r, T value) {
    return r.nextInt(4) == 0 ? null : value;
  }

  private static <T> List<T> repeat(SplittableRandom r, java.util.function.Supplier<T> supplier) {
    List<T> out = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      out.add(supplier.get());
    }
    return out;
  }
}
