package dev.payrelay.wallet.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.wallet.core.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled contract as {@code tools/solc/compile.mjs} writes it: {@code {contractName, compiler,
 * evmVersion, abi, bytecode}}, loaded from the classpath (so the Java build never needs solc).
 */
public final class ContractArtifact {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String contractName;
  private final String compiler;
  private final String evmVersion;
  private final JsonNode abi;
  private final byte[] bytecode;

  private ContractArtifact(
      String contractName, String compiler, String evmVersion, JsonNode abi, byte[] bytecode) {
    this.contractName = contractName;
    this.compiler = compiler;
    this.evmVersion = evmVersion;
    this.abi = abi;
    this.bytecode = bytecode;
  }

  /**
   * Loads {@code resource} (e.g. {@code contracts/PayRelayFeeProxy.json}) from the classpath.
   *
   * @throws IllegalStateException if it is missing or not an artifact: a build error, not input
   */
  public static ContractArtifact load(String resource) {
    ClassLoader loader = ContractArtifact.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "contract artifact "
                + resource
                + " is not on the classpath; regenerate it with: node tools/solc/compile.mjs");
      }
      JsonNode root = JSON.readTree(in);
      String bytecode = text(root, "bytecode", resource);
      JsonNode abi = root.get("abi");
      if (abi == null || !abi.isArray()) {
        throw new IllegalStateException(resource + " has no abi array");
      }
      return new ContractArtifact(
          text(root, "contractName", resource),
          text(root, "compiler", resource),
          text(root, "evmVersion", resource),
          abi,
          Hex.decode(bytecode, resource + " bytecode"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract artifact " + resource, e);
    }
  }

  private static String text(JsonNode root, String field, String resource) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new IllegalStateException(resource + " has no " + field);
    }
    return node.asText();
  }

  public String contractName() {
    return contractName;
  }

  /** The compiler that produced it, e.g. {@code solc 0.8.37+commit.f401782d.Emscripten.clang}. */
  public String compiler() {
    return compiler;
  }

  /** The EVM version the bytecode targets, e.g. {@code cancun}. */
  public String evmVersion() {
    return evmVersion;
  }

  /** The creation (init) code, without constructor arguments. */
  public byte[] bytecode() {
    return bytecode.clone();
  }

  /** Canonical signatures of the ABI's events, e.g. {@code Transfer(address,address,uint256)}. */
  public Set<String> eventSignatures() {
    return signatures("event");
  }

  /** Canonical signatures of the ABI's functions, e.g. {@code approve(address,uint256)}. */
  public Set<String> functionSignatures() {
    return signatures("function");
  }

  private Set<String> signatures(String type) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode entry : abi) {
      if (type.equals(entry.path("type").asText())) {
        out.add(
            entry.path("name").asText()
                + "("
                + String.join(",", types(entry.path("inputs")))
                + ")");
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static List<String> types(JsonNode inputs) {
    List<String> out = new ArrayList<>();
    for (JsonNode input : inputs) {
      String type = input.path("type").asText();
      if (type.startsWith("tuple")) {
        type = "(" + String.join(",", types(input.path("components"))) + ")" + type.substring(5);
      }
      out.add(type);
    }
    return out;
  }

  @Override
  public String toString() {
    return contractName + " (" + compiler + ", evm " + evmVersion + ")";
  }
}
