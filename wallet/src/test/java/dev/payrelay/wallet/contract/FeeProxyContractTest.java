package dev.payrelay.wallet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The proxy's artifact and the calldata of its two payment functions. */
class FeeProxyContractTest {

  private static final Address TOKEN = Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
  private static final Address MERCHANT =
      Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  private static final byte[] REFERENCE = new byte[16];

  @Test
  void artifactIsCompiledForCancunWithBothPaymentFunctions() {
    ContractArtifact artifact = FeeProxyContract.artifact();

    assertThat(artifact.contractName()).isEqualTo("PayRelayFeeProxy");
    assertThat(artifact.evmVersion()).isEqualTo("cancun");
    assertThat(artifact.compiler()).startsWith("solc 0.8.");
    assertThat(artifact.bytecode()).isNotEmpty();
    assertThat(artifact.functionSignatures())
        .containsExactlyInAnyOrder(
            FeeProxyContract.ERC20_FUNCTION_SIGNATURE, FeeProxyContract.ETHER_FUNCTION_SIGNATURE);
  }

  @Test
  void encodesTheErc20CallWithItsSelectorAndArguments() {
    String calldata =
        FeeProxyContract.encodeTransferFromWithReferenceAndFee(
            TOKEN,
            MERCHANT,
            BigInteger.valueOf(19_990_000),
            REFERENCE,
            BigInteger.ZERO,
            Address.ZERO);

    assertThat(calldata).startsWith(selector(FeeProxyContract.ERC20_FUNCTION_SIGNATURE));
    // selector, 6 head words, reference length word, one data word
    assertThat(calldata).hasSize(2 + 8 + 64 * 8);
    assertThat(calldata).contains(TOKEN.toLowerHex().substring(2));
    assertThat(calldata).contains(String.format("%064x", 19_990_000));
  }

  @Test
  void encodesTheEtherCallWithItsSelector() {
    String calldata =
        FeeProxyContract.encodeTransferWithReferenceAndFee(
            MERCHANT, REFERENCE, BigInteger.ONE, TOKEN);

    assertThat(calldata).startsWith(selector(FeeProxyContract.ETHER_FUNCTION_SIGNATURE));
    assertThat(calldata).hasSize(2 + 8 + 64 * 6);
  }

  @Test
  void refusesAmountsOutsideUint256AndAMissingReference() {
    BigInteger tooLarge = TokenAmount.MAX_UINT256.add(BigInteger.ONE);

    assertThatThrownBy(
            () ->
                FeeProxyContract.encodeTransferWithReferenceAndFee(
                    MERCHANT, REFERENCE, tooLarge, TOKEN))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("uint256");
    assertThatThrownBy(
            () ->
                FeeProxyContract.encodeTransferWithReferenceAndFee(
                    MERCHANT, new byte[0], BigInteger.ZERO, Address.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reference");
  }

  private static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }
}
