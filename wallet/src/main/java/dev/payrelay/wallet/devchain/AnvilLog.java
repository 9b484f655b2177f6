package dev.payrelay.wallet.devchain;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the end of anvil's log file, to explain a failed start. */
final class AnvilLog {

  /** Lines quoted in a startup failure. */
  static final int TAIL_LINES = 20;

  /** Bytes read from the end of the file; the startup banner and an error fit easily. */
  static final int TAIL_BYTES = 16 * 1024;

  private AnvilLog() {}

  /** The last {@value #TAIL_LINES} lines, or a note that the file cannot be read. */
  static String tail(Path logFile) {
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long start = Math.max(0, file.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()))
          .strip();
    } catch (IOException e) {
      return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** Whether anvil gave up because its port was taken. */
  static boolean addressInUse(Path logFile) {
    return tail(logFile).contains("Address already in use");
  }

  /** A failure message: what happened, where the log is, and its tail. */
  static String explain(String what, Path logFile) {
    return what + " (log " + logFile + "):\n" + tail(logFile);
  }
}
