package dev.payrelay.wallet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.payrelay.wallet.testing.DevChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed contract artifacts are exactly what {@code tools/solc/compile.mjs} makes of the
 * Solidity sources, so neither can change without the other.
 */
class ContractArtifactsTest {

  private static final long COMPILE_TIMEOUT_SECONDS = 120;

  @Test
  void committedArtifactsMatchTheSoliditySources() throws Exception {
    Path root = repoRoot();

    Result result = run(root, root.resolve("tools/solc/compile.mjs"), "--check");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("match their sources");
  }

  @Test
  void theCheckNamesAnArtifactThatDriftedFromItsSource(@TempDir Path copy) throws Exception {
    Path root = repoRoot();
    for (String dir :
        List.of(
            "wallet/src/main/solidity",
            "wallet/src/test/solidity",
            "wallet/src/main/resources/contracts",
            "wallet/src/test/resources/contracts")) {
      copyDirectory(root.resolve(dir), copy.resolve(dir));
    }
    Path proxySource = copy.resolve("wallet/src/main/solidity/PayRelayFeeProxy.sol");
    Files.writeString(
        proxySource, Files.readString(proxySource).replace("Pays an invoice", "Pays a bill"));

    Result result =
        run(root, root.resolve("tools/solc/compile.mjs"), "--check", "--root", copy.toString());

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("wallet/src/main/resources/contracts/PayRelayFeeProxy.json")
        .doesNotContain("TestToken.json");
  }

  @Test
  void testTokenArtifactLoadsFromTheTestClasspath() {
    ContractArtifact token = ContractArtifact.load(TestTokenContract.ARTIFACT_RESOURCE);

    assertThat(token.contractName()).isEqualTo("TestToken");
    assertThat(token.evmVersion()).isEqualTo(FeeProxyContract.artifact().evmVersion());
    assertThat(token.functionSignatures())
        .contains("mint(address,uint256)", "transferFrom(address,address,uint256)");
  }

  private static Path repoRoot() {
    Path root = DevChain.repoRoot();
    if (root == null) {
      fail("cannot find the checkout's root (set -Dpayrelay.root)");
    }
    if (!Files.isDirectory(root.resolve("tools/solc/node_modules/solc"))) {
      fail(
          "the solc npm package is not installed: run `bash tools/install` (needs Node.js 20+ and npm)");
    }
    return root;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Path workDir, Path script, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail(
          "cannot run `node` to check the contract artifacts: install Node.js 20+ with npm, then run"
              + " `bash tools/install` ("
              + e.getMessage()
              + ")");
      throw e;
    }
    process.getOutputStream().close();
    Process started = process;
    CompletableFuture<byte[]> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return started.getInputStream().readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    if (!process.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("node " + script + " took more than " + COMPILE_TIMEOUT_SECONDS + " s");
    }
    return new Result(
        process.exitValue(),
        new String(output.get(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  private static void copyDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
