/**
 * The local Ethereum dev chain: <a href="https://book.getfoundry.sh/anvil/">anvil</a> (Foundry),
 * started as a child process that cannot outlive the JVM. The node runs it as its zero-config local
 * chain; tests run it through {@code dev.payrelay.wallet.testing.DevChain}.
 */
package dev.payrelay.wallet.devchain;
