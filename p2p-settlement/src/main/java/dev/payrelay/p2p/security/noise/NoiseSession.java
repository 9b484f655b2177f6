package dev.payrelay.p2p.security.noise;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import java.util.List;

/**
 * What a completed libp2p Noise handshake yields: the authenticated remote peer and the two
 * transport ciphers. The initiator sends with the first cipher of {@code Split()} and receives with
 * the second; the responder the other way round. Each {@link CipherState} belongs to one direction
 * and one thread.
 *
 * @param remotePeerId the peer id derived from the remote identity key that signed its static key
 * @param remoteIdentityKey that identity key
 * @param sender encrypts what we send
 * @param receiver decrypts what we receive
 * @param remoteStreamMuxers the muxers the remote listed in its {@code NoiseExtensions}, for
 *     information only: we always negotiate the muxer with multistream-select
 * @param handshakeHash the final Noise handshake hash {@code h}, a unique channel binding
 */
public record NoiseSession(
    PeerId remotePeerId,
    PublicKey remoteIdentityKey,
    CipherState sender,
    CipherState receiver,
    List<String> remoteStreamMuxers,
    byte[] handshakeHash) {

  public NoiseSession {
    remoteStreamMuxers = List.copyOf(remoteStreamMuxers);
    handshakeHash = handshakeHash.clone();
  }

  @Override
  public byte[] handshakeHash() {
    return handshakeHash.clone();
  }
}
