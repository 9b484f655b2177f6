package dev.payrelay.wallet.devchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.testing.DevChain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

class AnvilTest {

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

  private final Path dir = Path.of(System.getProperty("user.dir"), "target", "anvil-test");
  private final Path binary = AnvilBinary.locate(DevChain.repoRoot());

  private AnvilOptions options(TestInfo test) {
    return AnvilOptions.of(
        binary, dir.resolve(test.getTestMethod().orElseThrow().getName() + ".log"));
  }

  @Test
  void closeLeavesNeitherAnvilNorItsGuardAlive(TestInfo test) {
    Anvil anvil = Anvil.start(options(test));
    ProcessHandle process = ProcessHandle.of(anvil.pid()).orElseThrow();
    ProcessHandle guard = ProcessHandle.of(anvil.guardPid()).orElseThrow();
    assertThat(process.isAlive()).isTrue();

    anvil.close();
    anvil.close();

    assertThat(process.isAlive()).isFalse();
    assertThat(guard.isAlive()).isFalse();
  }

  @Test
  void missingBinaryFailsWithAMessageThatNamesAnvilAndHowToGetIt(TestInfo test) {
    AnvilOptions options = options(test).withBinary(dir.resolve("no-such-dir/anvil"));

    assertThatThrownBy(() -> Anvil.start(options))
        .isInstanceOf(AnvilException.class)
        .hasMessageContaining("anvil not found")
        .hasMessageContaining("no-such-dir")
        .hasMessageContaining("bash tools/install")
        .hasMessageContaining("PAYRELAY_ANVIL");
  }

  @Test
  void takenPortFailsInsteadOfTalkingToAnotherServer(TestInfo test) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      AnvilOptions options = options(test).withPort(taken.getLocalPort());

      assertThatThrownBy(() -> Anvil.start(options))
          .isInstanceOf(AnvilException.class)
          .hasMessageContaining("cannot start anvil on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void startsWithTheRequestedChainIdAndMinesOnItsBlockTime(TestInfo test) throws Exception {
    try (Anvil anvil =
        Anvil.start(options(test).withChainId(31_337).withBlockTime(Duration.ofMillis(100)))) {
      Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl().toString()));
      try {
        assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31_337));
        long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
        while (web3j.ethBlockNumber().send().getBlockNumber().intValueExact() < 3
            && System.nanoTime() < deadline) {
          Thread.sleep(50); // bounded poll of the external process
        }
        assertThat(web3j.ethBlockNumber().send().getBlockNumber())
            .isGreaterThanOrEqualTo(BigInteger.valueOf(3));
      } finally {
        web3j.shutdown();
      }
    }
  }

  @Test
  void restartedInstanceKeepsBlocksAndBalancesFromItsStateFile(TestInfo test) throws Exception {
    Path state = dir.resolve("state-" + System.nanoTime() + ".json");
    String address = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));
    BigInteger balance = BigInteger.valueOf(123_456_789);
    AnvilOptions options = options(test).withStateFile(state);

    try (Anvil first = Anvil.start(options)) {
      HttpService rpc = new HttpService(first.rpcUrl().toString());
      send(rpc, "anvil_setBalance", address, Numeric.encodeQuantity(balance));
      send(rpc, "anvil_mine", Numeric.encodeQuantity(BigInteger.valueOf(7)));
    }
    assertThat(state).isNotEmptyFile();

    try (Anvil second = Anvil.start(options)) {
      Web3j web3j = Web3j.build(new HttpService(second.rpcUrl().toString()));
      try {
        assertThat(web3j.ethBlockNumber().send().getBlockNumber()).isEqualTo(BigInteger.valueOf(7));
        assertThat(
                web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance())
            .isEqualTo(balance);
      } finally {
        web3j.shutdown();
      }
    }
  }

  @Test
  void anvilDiesWhenItsJvmIsKilled(TestInfo test) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process jvm =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AnvilOrphanProbe.class.getName(),
                binary.toString(),
                options(test).logFile().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String pidLine;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      pidLine = out.readLine();
    } finally {
      jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
    }
    assertThat(pidLine).as("the probe JVM prints anvil's pid").matches("\\d+");
    ProcessHandle anvil = ProcessHandle.of(Long.parseLong(pidLine)).orElseThrow();
    assertThat(jvm.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    anvil.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(anvil.isAlive()).isFalse();
  }

  private static void send(HttpService rpc, String method, String... params) throws Exception {
    VoidResponse response = new Request<>(method, List.of(params), rpc, VoidResponse.class).send();
    assertThat(response.hasError()).as(method).isFalse();
  }
}
