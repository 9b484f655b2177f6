package dev.payrelay.gateway.checkout;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium is given both paths, so its
 * Selenium Manager never tries to download a browser). A fresh profile per start; the flags keep a
 * machine without network from hanging on background connections. Fails, naming the package, when
 * either program is missing.
 */
final class Browser implements AutoCloseable {

  static final List<Path> CHROMIUM =
      List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String WINDOW = "--window-size=1200,2400";

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  static Browser start(Path profiles) {
    Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
    if (chromium == null) {
      fail(
          "chromium is not installed (looked for "
              + CHROMIUM
              + "): apt-get install chromium chromium-driver, as .ci/run does");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "chromium's driver is not installed at "
              + CHROMEDRIVER
              + ": apt-get install chromium-driver, as .ci/run does");
    }
    try {
      Files.createDirectories(profiles);
      Path profile = Files.createTempDirectory(profiles, "profile-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + profile.toAbsolutePath(),
          WINDOW);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      return new Browser(new ChromeDriver(service, options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** The browser console's errors so far (a CSP violation or a script error shows here). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves a PNG of the window under {@code target/screenshots/} (test artifacts). */
  void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
