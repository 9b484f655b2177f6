package dev.payrelay.wallet.devchain;

import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * What a local dev chain needs before invoices can be paid on it: PayRelay's payment proxy,
 * deployed once and remembered in a file beside the chain's state, and the well-known accounts of
 * anvil's public test mnemonic ("test test … junk"), whose keys everyone knows. Never use any of
 * this on a real chain.
 */
public final class DevChainContracts {

  private static final Logger log = LoggerFactory.getLogger(DevChainContracts.class);

  /** Account #0 of the test mnemonic: deploys the proxy. Public knowledge. */
  static final String DEPLOYER_PRIVATE_KEY =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  /** Account #1 of the test mnemonic: the dev store's receiving address. */
  public static final Address MERCHANT_ADDRESS =
      Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

  /**
   * The account-level xpub ({@code m/44'/60'/0'}) of the test mnemonic: the dev store's deposit
   * addresses are anvil's accounts #0, #1, … in order.
   */
  public static final String ACCOUNT_XPUB =
      "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";

  private DevChainContracts() {}

  /**
   * The address of PayRelay's payment proxy on the dev chain at {@code rpcUrl}: the one recorded in
   * {@code recordFile} if the chain still has its code, else a fresh deployment, recorded.
   */
  public static Address ensurePaymentProxy(URI rpcUrl, ChainId chainId, Path recordFile) {
    Web3j web3j = Web3j.build(new HttpService(rpcUrl.toString()));
    try {
      if (Files.exists(recordFile)) {
        Address recorded =
            Address.parse(Files.readString(recordFile, StandardCharsets.US_ASCII).strip());
        String code =
            web3j
                .ethGetCode(recorded.toLowerHex(), DefaultBlockParameterName.LATEST)
                .send()
                .getCode();
        if (code != null && code.length() > 2) {
          return recorded;
        }
      }
      Address proxy =
          FeeProxyContract.deploy(web3j, Credentials.create(DEPLOYER_PRIVATE_KEY), chainId);
      Files.createDirectories(recordFile.toAbsolutePath().getParent());
      Files.writeString(recordFile, proxy.toChecksumString() + "\n", StandardCharsets.US_ASCII);
      log.info("PayRelay payment proxy deployed on the dev chain at {}", proxy);
      return proxy;
    } catch (IOException e) {
      throw new AnvilException("could not set up the payment proxy on the dev chain: " + e, e);
    } finally {
      web3j.shutdown();
    }
  }
}
