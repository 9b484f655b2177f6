package dev.payrelay.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the architecture (see README, "Modules"), checked on the compiled main
 * code of every module. Maven's module dependencies already stop an import of a module above; these
 * rules guard what Maven cannot see.
 */
class ArchitectureTest {

  /** The modules' test-jars (test helpers) are on this classpath too; they are not main code. */
  private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(TEST_JAR))
            .importPackages("dev.payrelay");
  }

  @Test
  void everyModuleIsOnTheClasspath() {
    for (String pkg :
        new String[] {
          "dev.payrelay.wallet",
          "dev.payrelay.invoicing",
          "dev.payrelay.p2p",
          "dev.payrelay.settlement",
          "dev.payrelay.gateway"
        }) {
      org.assertj.core.api.Assertions.assertThat(main.containPackage(pkg)).as(pkg).isTrue();
    }
  }

  @Test
  void onlyTheWalletTalksToEthereumThroughWeb3j() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.payrelay.wallet..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.web3j..")
        .because("wallet is the only module that imports org.web3j")
        .check(main);
  }

  @Test
  void theGatewaysTestsDoNotUseWeb3jEither() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.web3j..")
        .because("tests reach Ethereum through wallet (and its test-jar) as the node does")
        .check(
            new ClassFileImporter()
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("dev.payrelay.gateway"));
  }

  @Test
  void theLibp2pStackKnowsNothingAboveIt() {
    noClasses()
        .that()
        .resideInAPackage("dev.payrelay.p2p..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.payrelay.settlement..",
            "dev.payrelay.wallet..",
            "dev.payrelay.invoicing..",
            "dev.payrelay.gateway..",
            "org.springframework..")
        .because("dev.payrelay.p2p is a libp2p implementation, not a part of PayRelay's domain")
        .check(main);
  }

  @Test
  void theWalletDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.payrelay.wallet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.payrelay.invoicing..",
            "dev.payrelay.p2p..",
            "dev.payrelay.settlement..",
            "dev.payrelay.gateway..")
        .check(main);
  }

  @Test
  void invoicingAndSettlementDoNotKnowEachOtherOrTheGateway() {
    noClasses()
        .that()
        .resideInAPackage("dev.payrelay.invoicing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.payrelay.p2p..", "dev.payrelay.settlement..", "dev.payrelay.gateway..")
        .check(main);
    noClasses()
        .that()
        .resideInAnyPackage("dev.payrelay.p2p..", "dev.payrelay.settlement..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.payrelay.invoicing..", "dev.payrelay.gateway..")
        .check(main);
  }

  @Test
  void domainPackagesArePure() {
    noClasses()
        .that()
        .resideInAPackage("dev.payrelay..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "reactor..",
            "io.r2dbc..",
            "java.sql..",
            "org.web3j..",
            "io.netty..")
        .because("a domain transition is a pure function: no I/O, no Spring, no Reactor")
        .allowEmptyShould(true)
        .check(main);
  }

  @Test
  void onlyTheGatewayIsASpringBootApplication() {
    classes()
        .that()
        .resideOutsideOfPackage("dev.payrelay.gateway..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage("org.springframework.boot..")
        .check(main);
  }
}
