/**
 * Ethereum for PayRelay: value types, chain access, payment methods, proof verification and chain
 * watching. This module is the only one that imports {@code org.web3j}; the layers above see only
 * its own types.
 */
package dev.payrelay.wallet;
