package dev.payrelay.p2p.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Reads the golden files under {@code src/test/resources/p2p/core/}. */
final class Golden {
  private Golden() {}

  /** The lines of a golden file, exactly as written, without blank lines and {@code #} comments. */
  static List<String> lines(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/p2p/core/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\n"))
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tab-separated columns of each line. */
  static List<String[]> rows(String name) {
    return lines(name).stream().map(line -> line.split("\t", -1)).collect(Collectors.toList());
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.strip());
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
