/**
 * PayRelay's own libp2p stack, written from the public libp2p specifications: one package per
 * protocol behind small interfaces. It imports nothing of {@code dev.payrelay.settlement}, of the
 * wallet, or of Spring, so it can be tested and benchmarked on its own.
 */
package dev.payrelay.p2p;
