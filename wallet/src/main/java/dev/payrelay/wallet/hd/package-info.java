/**
 * Hierarchical deterministic keys for the "deposit address" payment method: <a
 * href="https://github.com/bitcoin/bips/blob/master/bip-0032.mediawiki">BIP-32</a> extended public
 * keys and public child derivation along the <a
 * href="https://github.com/bitcoin/bips/blob/master/bip-0044.mediawiki">BIP-44</a> path {@code
 * m/44'/60'/account'/0/i}. This package never sees a private key: it refuses to parse one, and
 * derives only non-hardened children, which need the parent's public key alone.
 */
package dev.payrelay.wallet.hd;
