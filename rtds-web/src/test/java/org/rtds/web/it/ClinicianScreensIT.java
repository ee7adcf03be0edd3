package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rtds.testdata.ClinicalStudy;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.StudyManifest;

/**
 * The clinician pages in a real browser: Debian's Chromium, headless at 1366×768, driven by
 * Selenium through chromedriver (installed by {@code scripts/ensure-chromium.sh}; without them the
 * test is skipped, except on CI where it fails). A physicist of one hospital signs in through the
 * form, finds the patients list with only her hospital's patients, searches it, sorts it, opens a
 * patient and sees the study with its feature status; another hospital's patient is "not found".
 * Every screen is saved as a PNG in {@code target/screenshots} for review.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClinicianScreensIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PHYSICIST = "dr.browser";
  private static final String PASSWORD = "browser-physicist-password-1";
  private static final String HOSPITAL = "Browser General";

  @ArquillianResource URL base;

  private WebDriver browser;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aPhysicistFindsHerHospitalsPatientsSearchesSortsAndOpensOne() throws Exception {
    requireBrowser();
    RtdsHttp admin = new RtdsHttp(base);
    admin.awaitReady();
    ApplicationWiringIT.createAccount(PHYSICIST, PASSWORD, "RTDS physicists", HOSPITAL);
    ApplicationWiringIT.createAccount(
        "other.sender", "other-sender-password-1", "RTDS physicists", "Elsewhere");
    Path folder = Files.createTempDirectory("rtds-browser-it");
    RtdsHttp physicist = new RtdsHttp(base, PHYSICIST, PASSWORD);
    StudyManifest curie = study(folder, "curie", 41, "BR-001", "Curie^Marie");
    StudyManifest gray = study(folder, "gray", 42, "BR-002", "Gray^Louis^Harold");
    physicist.upload(files(curie));
    physicist.upload(files(gray));
    new RtdsHttp(base, "other.sender", "other-sender-password-1")
        .upload(files(study(folder, "hidden", 43, "EL-001", "Hidden^Person")));
    assertThat(physicist.awaitFeatures(curie.studyInstanceUid()).getString("status"))
        .isEqualTo("DONE");
    String hiddenId =
        String.valueOf(
            admin
                .json("api/v1/patients?q=EL-001")
                .asJsonObject()
                .getJsonArray("items")
                .getJsonObject(0)
                .getInt("id"));

    browser = chromium();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    // a page that needs an account leads to the sign-in form
    browser.get(url("patients.xhtml"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    screenshot("01-sign-in");
    browser.findElement(By.id("username")).sendKeys(PHYSICIST);
    browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-user")));
    browser.get(url("patients.xhtml"));

    // her hospital's patients only, names as people write them
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rtds-patients")));
    assertThat(browser.findElement(By.className("rtds-hospital")).getText()).contains(HOSPITAL);
    assertThat(patientIds()).containsExactly("BR-001", "BR-002");
    assertThat(browser.findElement(By.cssSelector(".rtds-patients")).getText())
        .contains("Curie, Marie")
        .contains("Gray, Louis Harold")
        .doesNotContain("Hidden")
        .doesNotContain("EL-001");
    assertThat(browser.findElements(By.cssSelector("label[for='patients:q']")))
        .as("the search field has a label")
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector(".rtds-patients thead input")))
        .as("no column filter boxes: the search field is the one filter")
        .isEmpty();
    screenshot("02-patients");

    // search: any part of the name, any case
    WebElement search = browser.findElement(By.id("patients:q"));
    search.sendKeys("gRaY");
    wait.until(d -> patientIds().equals(List.of("BR-002")));
    screenshot("03-patients-search");
    for (int i = 0; i < "gRaY".length(); i++) {
      search.sendKeys(Keys.BACK_SPACE); // each key up is a search, as a user types
    }
    wait.until(d -> patientIds().size() == 2);

    // sort by Patient ID, then descending
    WebElement idHeader =
        browser.findElement(By.xpath("//th[.//span[normalize-space()='Patient ID']]"));
    idHeader.click();
    wait.until(d -> patientIds().equals(List.of("BR-001", "BR-002")));
    browser.findElement(By.xpath("//th[.//span[normalize-space()='Patient ID']]")).click();
    wait.until(d -> patientIds().equals(List.of("BR-002", "BR-001")));
    screenshot("04-patients-sorted");

    // a patient's page: the study and where its features stand
    browser.findElement(By.linkText("Curie, Marie")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-patient-name")));
    assertThat(browser.findElement(By.className("rtds-patient-name")).getText())
        .isEqualTo("Curie, Marie");
    String studies = browser.findElement(By.className("rtds-studies")).getText();
    assertThat(studies)
        .contains(curie.studyInstanceUid())
        .contains("done")
        .contains("DVHs, isodoses, OVH and STS computed");
    assertThat(browser.getTitle()).contains("Curie, Marie");
    screenshot("05-patient");

    // another hospital's patient is not found, in plain words
    browser.get(url("patient.xhtml?id=" + hiddenId));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-not-found")));
    assertThat(browser.findElement(By.className("rtds-not-found")).getText())
        .contains("There is no such patient in your hospital's records");
    assertThat(browser.getPageSource()).doesNotContain("Hidden").doesNotContain("EL-001");
    screenshot("06-other-hospitals-patient");
  }

  private List<String> patientIds() {
    return browser.findElements(By.cssSelector(".rtds-patients tbody tr td:nth-child(2)")).stream()
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .toList();
  }

  private static StudyManifest study(Path folder, String name, long seed, String id, String patient)
      throws Exception {
    return ClinicalStudy.write(
        folder.resolve(name), KnowledgeBaseIT.tenthOfTheData(seed).withPatient(id, patient));
  }

  private static List<Path> files(StudyManifest study) {
    return study.allFiles().stream().map(DicomFile::path).toList();
  }

  private String url(String path) {
    return base.toString().replaceAll("/?$", "/") + path;
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        SCREENSHOTS.resolve("clinician-" + name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Headless Chromium as the machine's closed network needs it (no background connections). */
  private static WebDriver chromium() throws Exception {
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
        "--user-data-dir=" + Files.createTempDirectory("rtds-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static void requireBrowser() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "chromium and chromedriver are missing on CI: scripts/ensure-chromium.sh installs them");
    }
    Assumptions.assumeTrue(
        present, "chromium/chromedriver not installed (scripts/ensure-chromium.sh); skipped");
  }
}
