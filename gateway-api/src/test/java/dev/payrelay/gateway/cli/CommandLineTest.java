package dev.payrelay.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.settlement.NetworkProperties;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

class CommandLineTest {
  @TempDir Path temp;

  /** One command's outcome and what it printed. */
  private record Run(Outcome outcome, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Outcome outcome =
        CommandLine.execute(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return new Run(
        outcome, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  private Path dataDir() {
    return temp.resolve("node-a");
  }

  @Test
  void initCreatesAnOwnerOnlyKeyAndKeepsItTheSecondTime() throws Exception {
    Run first = run("init", "--data-dir", dataDir().toString());
    Path key = dataDir().resolve("node.key");
    byte[] created = Files.readAllBytes(key);

    Run second = run("init", "--data-dir=" + dataDir());

    assertThat(first.outcome()).isEqualTo(Outcome.exit(CommandLine.EXIT_OK));
    assertThat(second.outcome()).isEqualTo(Outcome.exit(CommandLine.EXIT_OK));
    PeerId id = PeerId.parse(first.out().strip());
    assertThat(PeerId.parse(second.out().strip())).isEqualTo(id);
    assertThat(Files.readAllBytes(key)).isEqualTo(created);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(first.err()).contains("created the node key");
    assertThat(second.err()).contains("kept the existing node key");
  }

  @Test
  void idPrintsThePeerIdAndADialableMultiaddrPerListenAddress() {
    PeerId id = PeerId.parse(run("init", "--data-dir", dataDir().toString()).out().strip());

    Run shown =
        run(
            "id",
            "--data-dir",
            dataDir().toString(),
            "--listen",
            "/ip4/127.0.0.1/tcp/4101",
            "--listen=/ip6/::1/tcp/4102");

    assertThat(shown.outcome().exitCode()).isZero();
    assertThat(shown.outcome().runNode()).isFalse();
    List<String> lines = shown.outLines();
    assertThat(lines).hasSize(3);
    assertThat(PeerId.parse(lines.get(0))).isEqualTo(id);
    Multiaddr first = Multiaddr.parse(lines.get(1));
    assertThat(first.peerId()).contains(id);
    assertThat(first.tcpPort().getAsInt()).isEqualTo(4101);
    assertThat(lines.get(1)).isEqualTo("/ip4/127.0.0.1/tcp/4101/p2p/" + id.toBase58());
    assertThat(Multiaddr.parse(lines.get(2)).tcpPort().getAsInt()).isEqualTo(4102);
    assertThat(shown.err()).isEmpty();
  }

  @Test
  void idWithoutListenShowsTheNodesDefaultListenAddressAndWarnsItIsNotDialable() {
    PeerId id = PeerId.parse(run("init", "--data-dir", dataDir().toString()).out().strip());

    Run shown = run("id", "--data-dir", dataDir().toString());

    assertThat(IdCommand.defaultListen()).containsExactly("/ip4/127.0.0.1/tcp/0");
    assertThat(shown.outLines())
        .containsExactly(id.toBase58(), "/ip4/127.0.0.1/tcp/0/p2p/" + id.toBase58());
    assertThat(shown.err()).contains("takes a free port at start");
  }

  @Test
  void idFindsTheDataDirectoryOfTheEnvironmentLikeTheNode() {
    PeerId id = PeerId.parse(run("init", "--data-dir", dataDir().toString()).out().strip());

    Run shown = run(Map.of(DataDirectory.ENVIRONMENT, dataDir().toString()), "id");

    assertThat(shown.outLines().get(0)).isEqualTo(id.toBase58());
  }

  @Test
  void idWithoutAKeyFailsAndCreatesNothing() {
    Run shown = run("id", "--data-dir", dataDir().toString());

    assertThat(shown.outcome()).isEqualTo(Outcome.exit(CommandLine.EXIT_FAILED));
    assertThat(shown.out()).isEmpty();
    assertThat(shown.err()).contains("no node key").contains("init");
    assertThat(dataDir()).doesNotExist();
  }

  @Test
  void initRefusesAKeyOthersMayReadAndLeavesItAlone() throws Exception {
    run("init", "--data-dir", dataDir().toString());
    Path key = dataDir().resolve("node.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    byte[] before = Files.readAllBytes(key);

    Run refused = run("init", "--data-dir", dataDir().toString());

    assertThat(refused.outcome()).isEqualTo(Outcome.exit(CommandLine.EXIT_FAILED));
    assertThat(refused.err()).contains("chmod 600");
    assertThat(Files.readAllBytes(key)).isEqualTo(before);
  }

  @Test
  void noCommandOrOnlyOptionsRunsTheNodeWithTheArgumentsUnchanged() {
    assertThat(run().outcome()).isEqualTo(Outcome.runNode(List.of()));
    assertThat(run("--server.port=9090", "--payrelay.data-dir=x").outcome())
        .isEqualTo(Outcome.runNode(List.of("--server.port=9090", "--payrelay.data-dir=x")));
  }

  @Test
  void joinRunsTheNodeWithItsBootstrapPeersNetworkAndDataDirectory() {
    String peer = NodeIdentity.ephemeral().peerId().toBase58();
    String a = "/ip4/127.0.0.1/tcp/4101/p2p/" + peer;
    String b = "/ip6/::1/tcp/4102/p2p/" + peer;

    Run joined = run("join", a, b, "--network", "demo", "--server.port=8082", "--data-dir", "d/b");

    assertThat(joined.outcome().runNode()).isTrue();
    assertThat(joined.outcome().nodeArguments())
        .containsExactly(
            "--server.port=8082",
            "--payrelay.network.bootstrap[0]=" + a,
            "--payrelay.network.bootstrap[1]=" + b,
            "--payrelay.network.id=demo",
            "--payrelay.data-dir=d/b");
    NetworkProperties bound = bind(joined.outcome().nodeArgumentArray());
    assertThat(bound.bootstrap()).containsExactly(a, b);
    assertThat(bound.id()).isEqualTo("demo");
  }

  /** Binds the node's arguments as Spring Boot will at start, without starting a node. */
  private static NetworkProperties bind(String[] args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("payrelay.network", NetworkProperties.class);
  }

  @Test
  void helpPrintsTheCommands() {
    Run help = run("help");

    assertThat(help.outcome()).isEqualTo(Outcome.exit(CommandLine.EXIT_OK));
    assertThat(help.out()).contains("init").contains("id").contains("join");
  }

  @Test
  void wrongCommandLinesPrintTheUsageAndExitWithTwo() {
    String peer = "/ip4/127.0.0.1/tcp/4101/p2p/" + NodeIdentity.ephemeral().peerId();
    List<List<String>> wrong =
        List.of(
            List.of("start"),
            List.of("init", "--bogus"),
            List.of("init", "--data-dir"),
            List.of("init", "extra"),
            List.of("id", "--listen", "/ip4/999.0.0.1/tcp/1"),
            List.of("id", "--listen", peer),
            List.of("id", "-x"),
            List.of("join"),
            List.of("join", "/ip4/127.0.0.1/tcp/4101"),
            List.of("join", "not-a-multiaddr"),
            List.of("join", peer, "--network", "a", "--network", "b"),
            List.of("join", peer, "--payrelay.network.bootstrap[0]=" + peer));
    for (List<String> args : wrong) {
      Run refused = run(args.toArray(String[]::new));

      assertThat(refused.outcome()).as("%s", args).isEqualTo(Outcome.exit(CommandLine.EXIT_USAGE));
      assertThat(refused.err()).as("%s", args).startsWith("payrelay: ").contains("usage:");
      assertThat(refused.out()).as("%s", args).isEmpty();
    }
  }
}
