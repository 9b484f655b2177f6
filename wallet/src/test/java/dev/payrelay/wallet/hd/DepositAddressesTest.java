package dev.payrelay.wallet.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DepositAddressesTest {

  /**
   * Golden value: the account-level xpub ({@code m/44'/60'/0'}) of anvil's test mnemonic "test test
   * … junk", as a merchant's wallet would export it. Other BIP-32 implementations publish the same
   * string for this mnemonic (e.g. the tests of API3 airnode's {@code deriveAirnodeXpub}).
   */
  static final String ANVIL_ACCOUNT_XPUB =
      "xpub6Ce9NcJvTk36xtLSrJLZqE7wtgA5deCeYs7rSQtreh4cj6ByPtrg9sD7V2FNFLPnf8heNP3FGkeV9qwfzvZNSd54JoNXVsXFYSYwHsnJxqP";

  private final DepositAddresses anvil =
      DepositAddresses.forAccount(ExtendedPublicKey.parse(ANVIL_ACCOUNT_XPUB));

  @Test
  void theGoldenXpubIsTheTestMnemonicsAccountKeyNeutered() {
    assertThat(NeuteredKeys.accountXpub(DevAccount.MNEMONIC, 0).toBase58())
        .isEqualTo(ANVIL_ACCOUNT_XPUB);
  }

  @Test
  void neuteringReproducesBip32TestVector1() {
    byte[] seed = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    assertThat(NeuteredKeys.neuter(NeuteredKeys.derive(seed, 0 | NeuteredKeys.H, 1)).toBase58())
        .isEqualTo(Bip32TestVectors.CHAINS.get(2).xpub());
  }

  @Test
  void publicDerivationFromTheAccountXpubGivesAnvilsTenAccounts() throws Exception {
    List<Address> anvilAccounts =
        DevChain.shared().web3j().ethAccounts().send().getAccounts().stream()
            .map(Address::parse)
            .toList();

    List<Address> derived = IntStream.range(0, 10).mapToObj(anvil::addressAt).toList();

    assertThat(anvilAccounts).hasSize(10);
    assertThat(derived).isEqualTo(anvilAccounts);
  }

  @Test
  void depositAddressesZeroAndOneAreTheFundedDevAccounts() {
    assertThat(anvil.addressAt(0)).isEqualTo(Address.parse(DevAccount.ACCOUNT_0.address()));
    assertThat(anvil.addressAt(1)).isEqualTo(Address.parse(DevAccount.ACCOUNT_1.address()));
  }

  @Test
  void theAllocatorSkipsAnIndexBip32CallsUnusable() {
    Address a6 = Address.of(new byte[20]);
    DepositAddresses addresses =
        new DepositAddresses(
            i -> {
              if (i == 5) {
                throw new UnusableChildIndexException(5);
              }
              return a6;
            });

    assertThat(addresses.firstUsableFrom(5)).isEqualTo(new DepositAddress(6, a6));
    assertThat(addresses.firstUsableFrom(4)).isEqualTo(new DepositAddress(4, a6));
    assertThatThrownBy(() -> addresses.addressAt(5))
        .isInstanceOf(UnusableChildIndexException.class);
  }

  @Test
  void refusesAKeyThatIsNotAtTheAccountLevel() {
    ExtendedPublicKey master = ExtendedPublicKey.parse(Bip32TestVectors.CHAINS.get(0).xpub());
    ExtendedPublicKey depth4 = ExtendedPublicKey.parse(Bip32TestVectors.CHAINS.get(4).xpub());

    assertThatThrownBy(() -> DepositAddresses.forAccount(master))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("account-level")
        .hasMessageContaining("depth 0");
    assertThatThrownBy(() -> DepositAddresses.forAccount(depth4)).hasMessageContaining("depth 4");
  }

  @Test
  void refusesAnIndexAtOrAbove2To31() {
    assertThatThrownBy(() -> anvil.addressAt(Integer.MIN_VALUE))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("2147483648");
  }
}
