package dev.payrelay.p2p.security.noise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cacophony-format Noise test vector from a golden file under {@code p2p/noise/}. The files are
 * flat enough that a regular expression per field reads them without a JSON library.
 */
record NoiseTestVector(
    String protocolName,
    byte[] initPrologue,
    byte[] initStatic,
    byte[] initEphemeral,
    byte[] respPrologue,
    byte[] respStatic,
    byte[] respEphemeral,
    byte[] handshakeHash,
    List<Message> messages) {

  record Message(byte[] payload, byte[] ciphertext) {}

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern MESSAGE =
      Pattern.compile(
          "\\{\\s*\"payload\":\\s*\"([0-9a-f]*)\",\\s*\"ciphertext\":\\s*\"([0-9a-f]*)\"\\s*}");

  static NoiseTestVector load(String resource) {
    String json = read(resource);
    List<Message> messages = new ArrayList<>();
    Matcher m = MESSAGE.matcher(json);
    while (m.find()) {
      messages.add(new Message(HEX.parseHex(m.group(1)), HEX.parseHex(m.group(2))));
    }
    return new NoiseTestVector(
        json.contains("\"protocol_name\"") ? field(json, "protocol_name") : field(json, "name"),
        hex(json, "init_prologue"),
        hex(json, "init_static"),
        hex(json, "init_ephemeral"),
        hex(json, "resp_prologue"),
        hex(json, "resp_static"),
        hex(json, "resp_ephemeral"),
        hex(json, "handshake_hash"),
        List.copyOf(messages));
  }

  private static byte[] hex(String json, String name) {
    return HEX.parseHex(field(json, name));
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("no field " + name);
    }
    return m.group(1);
  }

  private static String read(String resource) {
    try (InputStream in = NoiseTestVector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
