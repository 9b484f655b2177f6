package dev.payrelay.settlement.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyFileTest {

  @TempDir Path dataDir;

  @Test
  void createsTheKeyOnFirstStartWithMode0600AndLoadsTheSameKeyAfter() throws IOException {
    Path nested = dataDir.resolve("node-a");

    NodeIdentity first = NodeKeyFile.loadOrCreate(nested);
    NodeIdentity second = NodeKeyFile.loadOrCreate(nested);

    Path file = NodeKeyFile.path(nested);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(second.peerId()).isEqualTo(first.peerId());
    assertThat(first.peerId().toBase58()).startsWith("12D3KooW");
    assertThat(Ed25519KeyPair.unmarshalPrivateKey(Files.readAllBytes(file)).peerId())
        .isEqualTo(first.peerId());
  }

  @Test
  void derivesThePeerIdFromThePublicKeyAndSignsWithTheStoredKey() {
    NodeIdentity identity = NodeKeyFile.loadOrCreate(dataDir);
    byte[] message = "receipt".getBytes();

    byte[] signature = identity.sign(message);

    assertThat(PeerId.fromPublicKey(identity.keyPair().publicKey())).isEqualTo(identity.peerId());
    assertThat(identity.peerId().extractPublicKey().orElseThrow().verify(message, signature))
        .isTrue();
    assertThat(identity.toString()).doesNotContain(Arrays.toString(signature));
  }

  @Test
  void twoDataDirectoriesGetTwoIdentities() {
    assertThat(NodeKeyFile.loadOrCreate(dataDir.resolve("a")).peerId())
        .isNotEqualTo(NodeKeyFile.loadOrCreate(dataDir.resolve("b")).peerId());
  }

  @Test
  void refusesAKeyFileThatItsGroupOrOthersMayRead() throws IOException {
    NodeKeyFile.loadOrCreate(dataDir);
    Path file = NodeKeyFile.path(dataDir);
    for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

      assertThatThrownBy(() -> NodeKeyFile.loadOrCreate(dataDir))
          .as(mode)
          .isInstanceOf(NodeKeyFileException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining(mode)
          .hasMessageContaining("chmod 600");
    }
  }

  @Test
  void acceptsAStricterModeThan0600() throws IOException {
    NodeIdentity created = NodeKeyFile.loadOrCreate(dataDir);
    Files.setPosixFilePermissions(
        NodeKeyFile.path(dataDir), PosixFilePermissions.fromString("r--------"));

    assertThat(NodeKeyFile.loadOrCreate(dataDir).peerId()).isEqualTo(created.peerId());
  }

  @Test
  void refusesAMalformedKeyFileWithoutReplacingIt() throws IOException {
    Path file = NodeKeyFile.path(dataDir);
    byte[][] malformed = {
      new byte[0],
      "not a key".getBytes(),
      Arrays.copyOf(Ed25519KeyPair.generate().marshalPrivateKey(), 40),
      new byte[NodeKeyFile.MAX_FILE_BYTES + 1]
    };
    for (byte[] content : malformed) {
      Files.write(file, content);
      Files.setPosixFilePermissions(file, NodeKeyFile.OWNER_ONLY);

      assertThatThrownBy(() -> NodeKeyFile.loadOrCreate(dataDir))
          .isInstanceOf(NodeKeyFileException.class)
          .hasMessageContaining(file.toString());
      assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
  }

  @Test
  void refusesASymbolicLinkAndADirectory() throws IOException {
    Path real = dataDir.resolve("elsewhere");
    NodeKeyFile.loadOrCreate(real);
    Path linked = dataDir.resolve("linked");
    Files.createDirectories(linked);
    Files.createSymbolicLink(NodeKeyFile.path(linked), NodeKeyFile.path(real));
    Path directory = dataDir.resolve("dir");
    Files.createDirectories(NodeKeyFile.path(directory));

    assertThatThrownBy(() -> NodeKeyFile.loadOrCreate(linked))
        .isInstanceOf(NodeKeyFileException.class)
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> NodeKeyFile.loadOrCreate(directory))
        .isInstanceOf(NodeKeyFileException.class)
        .hasMessageContaining("not a regular file");
  }
}
