/**
 * noise-libp2p ({@code /noise}): {@code Noise_XX_25519_ChaChaPoly_SHA256} with the libp2p signed
 * handshake payload, and the 2-byte length-prefixed framing. Pure: byte arrays in, byte arrays out;
 * the Netty handler that drives {@link dev.payrelay.p2p.security.noise.NoiseXxHandshake} and the
 * transport {@link dev.payrelay.p2p.security.noise.CipherState}s lives elsewhere. The JDK's crypto
 * is used for XDH, SHA-256 and HmacSHA256; ChaCha20-Poly1305 is this package's own before Java 20
 * and the JDK's from 20 on (see {@code CipherState} for why and the figures); Ed25519 comes through
 * {@code dev.payrelay.p2p.core} (BouncyCastle's, much faster than JDK 17's).
 *
 * <p>Specs: <a href="https://github.com/libp2p/specs/blob/master/noise/README.md">noise-libp2p</a>
 * and <a href="https://noiseprotocol.org/noise.html">The Noise Protocol Framework, revision 34</a>.
 */
package dev.payrelay.p2p.security.noise;
