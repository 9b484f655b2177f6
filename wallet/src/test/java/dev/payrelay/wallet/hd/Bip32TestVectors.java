package dev.payrelay.wallet.hd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The BIP-32 published test vectors, read from {@code hd/bip32-test-vectors.txt}. */
final class Bip32TestVectors {

  /** One chain of a vector: its path (H = hardened) and serialized keys. */
  record Chain(int vector, String path, String xpub, String xprv) {

    /** The last step's index, unsigned, with the hardened bit set for an H step. */
    int lastIndex() {
      String step = path.substring(path.lastIndexOf('/') + 1);
      boolean hardened = step.endsWith("H");
      long index = Long.parseLong(hardened ? step.substring(0, step.length() - 1) : step);
      return (int) (hardened ? index + ExtendedPublicKey.HARDENED_OFFSET : index);
    }

    boolean isChildOf(Chain parent) {
      return vector == parent.vector
          && path.startsWith(parent.path + "/")
          && depth() == parent.depth() + 1;
    }

    int depth() {
      return path.split("/").length - 1;
    }

    @Override
    public String toString() {
      return "vector " + vector + " " + path;
    }
  }

  /** A test-vector-5 key that must be rejected, with the specification's reason. */
  record Invalid(String key, String reason) {
    @Override
    public String toString() {
      return reason;
    }
  }

  static final List<Chain> CHAINS = new ArrayList<>();
  static final List<Invalid> INVALID = new ArrayList<>();

  static {
    int vector = 0;
    for (String line : lines()) {
      String[] f = line.split(" ", 3);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else if (f[0].equals("vector")) {
        vector = Integer.parseInt(f[1]);
      } else if (f[0].equals("invalid")) {
        INVALID.add(new Invalid(f[1], f[2]));
      } else {
        CHAINS.add(new Chain(vector, f[0], f[1], f[2]));
      }
    }
  }

  private Bip32TestVectors() {}

  /** Pairs (parent, child) where the child's step is non-hardened, so CKDpub applies. */
  static List<Chain[]> publicSteps() {
    List<Chain[]> steps = new ArrayList<>();
    for (Chain child : CHAINS) {
      for (Chain parent : CHAINS) {
        if (child.isChildOf(parent) && child.lastIndex() >= 0) {
          steps.add(new Chain[] {parent, child});
        }
      }
    }
    return steps;
  }

  private static List<String> lines() {
    try (InputStream in =
        Bip32TestVectors.class.getResourceAsStream("/hd/bip32-test-vectors.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
