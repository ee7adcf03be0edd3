package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium session for the browser tests: Debian's {@code chromium} driven by Selenium
 * through {@code chromedriver} (installed by {@code scripts/ensure-chromium.sh}; without them the
 * test is skipped, except on CI where it fails), at 1366×768, with no background connections (the
 * machine's network is closed). Screenshots go to {@code target/screenshots}, downloads to {@link
 * #downloads()}.
 */
final class Chromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final URL base;
  private final String prefix;
  private final Path downloads;
  private final WebDriverWait wait;

  private Chromium(WebDriver driver, URL base, String prefix, Path downloads) {
    this.driver = driver;
    this.base = base;
    this.prefix = prefix;
    this.downloads = downloads;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // PrimeFaces re-renders what an answer updates: an element read during that is read again
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Skips the test when the browser is not installed (fails on CI, where it must be). */
  static void require() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "chromium and chromedriver are missing on CI: scripts/ensure-chromium.sh installs them");
    }
    Assumptions.assumeTrue(
        present, "chromium/chromedriver not installed (scripts/ensure-chromium.sh); skipped");
  }

  /**
   * Starts a browser for the application at {@code base}; screenshots are named {@code
   * prefix-name.png}.
   */
  static Chromium open(URL base, String prefix) throws Exception {
    require();
    Path downloads = Files.createTempDirectory("rtds-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768",
        "--lang=en",
        // the application is served over plain HTTP on the machine's address, not loopback:
        // Chromium would hold every download from it as "insecure" (a .crdownload that never
        // ends) without this
        "--unsafely-treat-insecure-origin-as-secure=" + origin(base),
        "--user-data-dir=" + Files.createTempDirectory("rtds-chromium"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory", downloads.toString(),
            "download.prompt_for_download", false,
            "plugins.always_open_pdf_externally", true));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Chromium(new ChromeDriver(service, options), base, prefix, downloads);
  }

  /** {@code scheme://host:port} of a URL. */
  private static String origin(URL url) {
    return url.getProtocol()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait await() {
    return wait;
  }

  /** Where the browser saves downloads. */
  Path downloads() {
    return downloads;
  }

  JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  Object script(String script, Object... arguments) {
    return js().executeScript(script, arguments);
  }

  /** The application's page at {@code path} (relative to the context root). */
  String url(String path) {
    return base.toString().replaceAll("/?$", "/") + path;
  }

  /** Opens a page of the application. */
  void get(String path) {
    driver.get(url(path));
  }

  /** Signs in through the form (the browser must show it) and waits for the signed-in frame. */
  void signIn(String username, String password) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-user")));
  }

  /** Waits until an element of that CSS class is on the page and returns it. */
  WebElement awaitClass(String cssClass) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.className(cssClass)));
  }

  /** Whether PrimeFaces has no request under way. */
  boolean ajaxIdle() {
    return Boolean.TRUE.equals(
        script("return window.PrimeFaces === undefined || PrimeFaces.ajax.Queue.isEmpty()"));
  }

  /** Scrolls the element into the middle of the window. */
  void centre(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  /**
   * Clicks with the real pointer at ({@code x}, {@code y}) CSS pixels from the element's top left
   * corner (it is scrolled into view first, since Selenium counts offsets from its in-view centre).
   */
  void clickAt(WebElement element, double x, double y) {
    centre(element);
    var size = element.getRect();
    new Actions(driver)
        .moveToElement(element, (int) (x - size.width / 2.0), (int) (y - size.height / 2.0))
        .click()
        .perform();
  }

  /**
   * What the page as shown does wrong for people using assistive technology or with low vision
   * ({@code accessibility.js}): fields, buttons and links without an accessible name, images
   * without alt text, and text below WCAG 2.1 AA contrast.
   */
  List<String> accessibilityProblems() throws Exception {
    try (InputStream in = Chromium.class.getResourceAsStream("accessibility.js")) {
      @SuppressWarnings("unchecked")
      List<String> problems =
          (List<String>) script(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return problems;
    }
  }

  /**
   * Fails when the page as shown has {@linkplain #accessibilityProblems accessibility problems}.
   */
  void assertAccessible() throws Exception {
    assertThat(accessibilityProblems())
        .as("accessibility problems of %s", driver.getCurrentUrl())
        .isEmpty();
  }

  /**
   * Saves the window as {@code target/screenshots/prefix-name.png}, after checking that the screen
   * as shown has no {@linkplain #accessibilityProblems accessibility problems} (every screen the
   * tests show is checked so).
   */
  void screenshot(String name) throws Exception {
    assertAccessible();
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        SCREENSHOTS.resolve(prefix + "-" + name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
