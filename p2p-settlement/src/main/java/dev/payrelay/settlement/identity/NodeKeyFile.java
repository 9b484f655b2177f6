package dev.payrelay.settlement.identity;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.KeyFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The node's Ed25519 key in its data directory: {@value #FILE_NAME}, the marshalled libp2p {@code
 * PrivateKey} protobuf (Ed25519, seed ‖ public key), mode {@code 0600}.
 *
 * <p>{@link #loadOrCreate} creates the file on first start (atomically, already {@code 0600}, never
 * overwriting a file another process created meanwhile) and loads it afterwards. It refuses a file
 * that its group or others may read or write, a symbolic link, or anything that is not a valid
 * Ed25519 private key, with a message naming the file and the fix. The file system must support
 * POSIX permissions: without them the key's secrecy cannot be checked.
 */
public final class NodeKeyFile {
  /** The key file's name inside the data directory. */
  public static final String FILE_NAME = "node.key";

  /** The only permissions the key file may have: {@code rw-------}. */
  static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** Larger than any key file we write (4 + 64 bytes); bounds what a corrupt file makes us read. */
  static final int MAX_FILE_BYTES = 1024;

  private static final Set<PosixFilePermission> OWNER_ANY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private NodeKeyFile() {}

  /** The key file's path in {@code dataDirectory}. */
  public static Path path(Path dataDirectory) {
    return dataDirectory.resolve(FILE_NAME);
  }

  /**
   * The identity stored in {@code dataDirectory}, created (with the directory) if there is none.
   *
   * @throws NodeKeyFileException if the file is group- or world-accessible, a link, malformed, or
   *     cannot be read or written
   */
  public static NodeIdentity loadOrCreate(Path dataDirectory) {
    Path file = path(dataDirectory);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        return create(dataDirectory, file);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it first: use that one.
      } catch (IOException e) {
        throw new NodeKeyFileException("cannot create the node key file " + file + ": " + e, e);
      }
    }
    return load(file);
  }

  /**
   * The identity in an existing key file.
   *
   * @throws NodeKeyFileException as {@link #loadOrCreate}, and if the file does not exist
   */
  public static NodeIdentity load(Path file) {
    try {
      if (Files.isSymbolicLink(file)) {
        throw new NodeKeyFileException(
            "the node key file " + file + " is a symbolic link; refusing to follow it");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new NodeKeyFileException("the node key file " + file + " is not a regular file");
      }
      requireOwnerOnly(file);
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new NodeKeyFileException(
            "the node key file "
                + file
                + " is "
                + size
                + " bytes, not a node key (at most "
                + MAX_FILE_BYTES
                + "); restore the right file or move it away to create a new identity");
      }
      return new NodeIdentity(Ed25519KeyPair.unmarshalPrivateKey(Files.readAllBytes(file)));
    } catch (KeyFormatException e) {
      throw new NodeKeyFileException(
          "the node key file "
              + file
              + " is malformed ("
              + e.getMessage()
              + "); restore it from a backup, or move it away to start with a new peer id",
          e);
    } catch (UnsupportedOperationException e) {
      throw new NodeKeyFileException(
          "the file system of " + file + " has no POSIX permissions; the key cannot be kept secret",
          e);
    } catch (IOException e) {
      throw new NodeKeyFileException("cannot read the node key file " + file + ": " + e, e);
    }
  }

  private static NodeIdentity create(Path dataDirectory, Path file) throws IOException {
    Files.createDirectories(dataDirectory);
    NodeIdentity identity = NodeIdentity.ephemeral();
    byte[] encoded = identity.keyPair().marshalPrivateKey();
    try (SeekableByteChannel channel =
        Files.newByteChannel(
            file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
      channel.write(ByteBuffer.wrap(encoded));
    } catch (UnsupportedOperationException e) {
      throw new NodeKeyFileException(
          "the file system of " + file + " has no POSIX permissions; the key cannot be kept secret",
          e);
    }
    // The umask may have removed bits from the creation mode, never added any; set it exactly.
    Files.setPosixFilePermissions(file, OWNER_ONLY);
    return identity;
  }

  private static void requireOwnerOnly(Path file) throws IOException {
    Set<PosixFilePermission> permissions =
        Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    if (!OWNER_ANY.containsAll(permissions)) {
      throw new NodeKeyFileException(
          "the node key file "
              + file
              + " has mode "
              + PosixFilePermissions.toString(permissions)
              + ": its group or others may access the node's private key. Run: chmod 600 "
              + file);
    }
  }
}
