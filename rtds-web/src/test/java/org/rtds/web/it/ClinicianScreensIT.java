package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rtds.testdata.ClinicalStudy;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.StudyManifest;

/**
 * The clinician pages in a real browser: Debian's Chromium, headless at 1366×768, driven by
 * Selenium through chromedriver (installed by {@code scripts/ensure-chromium.sh}; without them the
 * test is skipped, except on CI where it fails). A physicist of one hospital signs in through the
 * form, finds the patients list with only her hospital's patients, searches it, sorts it, opens a
 * patient and sees the study with its feature status, opens the study's review (DVH plot drawn in
 * the browser, a structure hidden from the legend, metric and constraint tables); another
 * hospital's patient and study are "not found". Every screen is saved as a PNG in {@code
 * target/screenshots} for review.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClinicianScreensIT {

  private static final String PHYSICIST = "dr.browser";
  private static final String PASSWORD = "browser-physicist-password-1";
  private static final String HOSPITAL = "Browser General";

  @ArquillianResource URL base;

  private Chromium chromium;

  private WebDriver browser;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @AfterEach
  void quit() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aPhysicistFindsHerHospitalsPatientsSearchesSortsAndOpensOne() throws Exception {
    Chromium.require();
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
    StudyManifest hidden = study(folder, "hidden", 43, "EL-001", "Hidden^Person");
    new RtdsHttp(base, "other.sender", "other-sender-password-1").upload(files(hidden));
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

    chromium = Chromium.open(base, "clinician");
    browser = chromium.driver();
    WebDriverWait wait = chromium.await();

    // a page that needs an account leads to the sign-in form
    browser.get(url("patients.xhtml"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    screenshot("01-sign-in");
    chromium.signIn(PHYSICIST, PASSWORD);
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
    wait.until(d -> patientIds().equals(List.of("BR-002")) && ajaxIdle());
    screenshot("03-patients-search");
    for (int i = 0; i < "gRaY".length(); i++) {
      search.sendKeys(Keys.BACK_SPACE); // each key up is a search, as a user types
    }
    wait.until(d -> patientIds().size() == 2 && ajaxIdle());

    // sort by Patient ID, then descending (each click waits for the table's answer: a click while
    // PrimeFaces still waits for the previous one is not a sort)
    sortBy("Patient ID", "ascending", wait);
    assertThat(patientIds()).containsExactly("BR-001", "BR-002");
    sortBy("Patient ID", "descending", wait);
    assertThat(patientIds()).containsExactly("BR-002", "BR-001");
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

    // the study: a DVH per ROI drawn in the browser, the dose metrics and the constraints checked
    browser.findElement(By.linkText(curie.studyInstanceUid())).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rtds-chart canvas")));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    viewer(curie, wait);
    wait.until(d -> js.executeScript("return PF('dvhChart').chart != null") == Boolean.TRUE);
    long curves = (Long) js.executeScript("return PF('dvhChart').chart.data.datasets.length");
    assertThat(curves).as("one DVH per ROI").isEqualTo(curie.rois().size());
    List<String> metricRows =
        browser.findElements(By.cssSelector(".rtds-metrics tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(metricRows).hasSize(curie.rois().size());
    assertThat(browser.findElement(By.className("rtds-constraints")).getText())
        .containsAnyOf("pass", "FAIL");
    screenshot("06-study");
    // a click on a legend entry hides that structure's curve
    @SuppressWarnings("unchecked")
    Map<String, Object> box =
        (Map<String, Object>)
            js.executeScript(
                "var c = PF('dvhChart').chart; var b = c.legend.legendHitBoxes[1];"
                    + " return {x: b.left + b.width / 2, y: b.top + b.height / 2};");
    WebElement canvas = browser.findElement(By.cssSelector(".rtds-chart canvas"));
    assertThat(js.executeScript("return PF('dvhChart').chart.isDatasetVisible(1)")).isEqualTo(true);
    chromium.clickAt(
        canvas, ((Number) box.get("x")).doubleValue(), ((Number) box.get("y")).doubleValue());
    wait.until(
        d -> js.executeScript("return PF('dvhChart').chart.isDatasetVisible(1)") == Boolean.FALSE);
    screenshot("06b-study-structure-hidden");
    js.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})",
        browser.findElement(By.className("rtds-metrics")));
    screenshot("06c-study-metrics");
    js.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})",
        browser.findElement(By.className("rtds-constraints")));
    screenshot("06d-study-constraints");

    // the DVH's options: differential, then back to cumulative with the achievable band of an organ
    new Select(browser.findElement(By.id("curve"))).selectByValue("differential");
    wait.until(d -> browser.getCurrentUrl().contains("curve=differential"));
    wait.until(d -> js.executeScript("return PF('dvhChart').chart != null") == Boolean.TRUE);
    assertThat(js.executeScript("return PF('dvhChart').chart.options.scales.y.title.text"))
        .isEqualTo("Volume per dose (% per Gy)");
    new Select(browser.findElement(By.id("curve"))).selectByValue("cumulative");
    wait.until(d -> browser.getCurrentUrl().contains("curve=cumulative"));
    new Select(browser.findElement(By.id("dose"))).selectByValue("rx");
    wait.until(d -> browser.getCurrentUrl().contains("dose=rx"));
    new Select(browser.findElement(By.id("band"))).selectByValue("Parotid_L");
    wait.until(d -> browser.getCurrentUrl().contains("band=Parotid_L"));
    wait.until(d -> js.executeScript("return PF('dvhChart').chart != null") == Boolean.TRUE);
    assertThat(js.executeScript("return PF('dvhChart').chart.options.scales.x.title.text"))
        .asString()
        .startsWith("Dose (% of the prescription, ");
    String note = browser.findElement(By.className("rtds-band-note")).getText();
    long achievable =
        (Long)
            js.executeScript(
                "return PF('dvhChart').chart.data.datasets"
                    + ".filter(function (d) { return d.label.indexOf('Band ') === 0; }).length");
    // the other study of her hospital is the one comparable plan (another hospital's counts too)
    assertThat(note).contains("most similar plans achieved for Parotid_L");
    assertThat(achievable).isEqualTo(3L);
    chromium.centre(browser.findElement(By.className("rtds-chart")));
    screenshot("06f-study-dvh-band");

    // anatomy: the OVH and STS of one organ–target pair, another pair chosen from the menu
    Select pairs = new Select(browser.findElement(By.id("pair")));
    assertThat(pairs.getOptions()).as("one choice per target level × organ").hasSizeGreaterThan(5);
    wait.until(d -> js.executeScript("return PF('ovhChart').chart != null") == Boolean.TRUE);
    assertThat(js.executeScript("return PF('stsDistanceChart').chart.data.datasets[0].data.length"))
        .isEqualTo(10L);
    String first = pairs.getFirstSelectedOption().getAttribute("value");
    String other =
        pairs.getOptions().stream()
            .map(o -> o.getAttribute("value"))
            .filter(v -> !v.equals(first) && v.endsWith(":SpinalCord"))
            .findFirst()
            .orElseThrow();
    pairs.selectByValue(other); // the menu submits itself
    wait.until(
        d ->
            other.equals(
                new Select(d.findElement(By.id("pair")))
                    .getFirstSelectedOption()
                    .getAttribute("value")));
    wait.until(d -> js.executeScript("return PF('ovhChart').chart != null") == Boolean.TRUE);
    assertThat(browser.findElement(By.className("rtds-geometry-numbers")).getText())
        .contains("Half of the organ lies within");
    js.executeScript(
        "arguments[0].scrollIntoView({block: 'center'})",
        browser.findElement(By.className("rtds-geometry")));
    screenshot("06e-study-anatomy");

    // the study links to its achievable-dose check and its similar patients
    assertThat(browser.findElement(By.className("rtds-study-links")).getText())
        .contains("Achievable-dose check and PDF report")
        .contains("Similar patients");
    browser.findElement(By.partialLinkText("Achievable-dose check")).click();
    wait.until(d -> d.getCurrentUrl().contains("qc.xhtml?uid=" + curie.studyInstanceUid()));
    screenshot("06g-study-qc");

    // the other pages of the frame, for review: overview, upload, own password
    browser.get(url(""));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-cards")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Knowledge base");
    screenshot("07-overview");
    browser.get(url("upload.xhtml"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-upload")));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Upload DICOM RT objects");
    screenshot("08-upload");
    // a study uploaded from the page: its feature status updates by itself, then links to it
    StudyManifest bohr = study(folder, "bohr", 44, "BR-003", "Bohr^Niels");
    List<Path> bohrFiles = files(bohr);
    browser
        .findElement(By.cssSelector(".rtds-upload input[type=file]"))
        .sendKeys(String.join("\n", bohrFiles.stream().map(Path::toString).toList()));
    // the page's panels are re-rendered by each answer and by the status poll: read them afresh
    new WebDriverWait(browser, Duration.ofMinutes(3))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector(".rtds-upload-summary")).stream()
                    .anyMatch(e -> e.getText().startsWith(bohrFiles.size() + " objects")));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String text = d.findElement(By.className("rtds-upload-studies")).getText();
              return text.contains("Bohr, Niels") && text.contains("BR-003");
            });
    screenshot("08b-upload-received");
    new WebDriverWait(browser, Duration.ofMinutes(5))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.className("rtds-upload-studies"))
                    .getText()
                    .contains("DVHs, isodoses, OVH and STS computed"));
    screenshot("08c-upload-features-done");
    browser.findElement(By.linkText(bohr.studyInstanceUid())).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-study-title")));
    assertThat(browser.findElement(By.className("rtds-study-title")).getText())
        .isEqualTo("Bohr, Niels");
    browser.get(url("password.xhtml"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("change")));
    assertThat(browser.findElement(By.className("rtds-lead")).getText())
        .startsWith("At least 10 characters");
    screenshot("09-password");

    // another hospital's patient is not found, in plain words
    browser.get(url("patient.xhtml?id=" + hiddenId));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-not-found")));
    assertThat(browser.findElement(By.className("rtds-not-found")).getText())
        .contains("There is no such patient in your hospital's records");
    assertThat(browser.getPageSource()).doesNotContain("Hidden").doesNotContain("EL-001");
    browser.get(url("study.xhtml?uid=" + hidden.studyInstanceUid()));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-not-found")));
    assertThat(browser.findElement(By.className("rtds-not-found")).getText())
        .contains("There is no such study in your hospital's records");
    screenshot("11-other-hospitals-study");
    screenshot("10-other-hospitals-patient");
  }

  /**
   * The CT viewer: the middle slice drawn from the API's pixels, slices stepped by key, wheel and
   * slider, a structure switched off from the legend, the isodose legend, the window presets, and
   * HU and dose under the pointer.
   */
  private void viewer(StudyManifest study, WebDriverWait wait) throws Exception {
    WebElement root = browser.findElement(By.id("viewer"));
    wait.until(d -> root.getAttribute("data-shown") != null);
    int n = study.ctSliceCount();
    WebElement slider = root.findElement(By.className("rtds-viewer-slider"));
    assertThat(slider.getAttribute("max")).isEqualTo(String.valueOf(n - 1));
    int middle = n / 2;
    assertThat(root.getAttribute("data-shown")).isEqualTo(String.valueOf(middle));
    assertThat(root.findElement(By.className("rtds-viewer-slice")).getText())
        .startsWith("Slice " + (middle + 1) + " of " + n);
    // the structures drawn on the middle slice, from the contours the study was sent with
    wait.until(d -> !shownRois().isEmpty());
    assertThat(shownRois()).contains("SpinalCord").hasSizeGreaterThan(3);
    int drawn = shownRois().size();
    // the isodose legend: the levels of the plan, in % of its prescription
    wait.until(d -> !root.findElements(By.cssSelector(".rtds-viewer-isodoses li")).isEmpty());
    assertThat(root.findElement(By.className("rtds-viewer-isodose-caption")).getText())
        .isEqualTo("Levels in % of the prescription.");
    chromium.screenshot("06-study-viewer");

    // slices: a key, the wheel, the slider
    WebElement canvas = root.findElement(By.tagName("canvas"));
    chromium.clickAt(canvas, 10, 10);
    canvas.sendKeys(Keys.ARROW_UP);
    wait.until(d -> String.valueOf(middle + 1).equals(root.getAttribute("data-shown")));
    canvas.sendKeys(Keys.PAGE_DOWN);
    wait.until(d -> String.valueOf(middle - 9).equals(root.getAttribute("data-shown")));
    new Actions(browser)
        .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(canvas), 0, 120)
        .perform();
    wait.until(d -> String.valueOf(middle - 8).equals(root.getAttribute("data-shown")));
    chromium.script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        slider,
        middle);
    wait.until(d -> String.valueOf(middle).equals(root.getAttribute("data-shown")));

    // a structure switched off from the legend is no longer drawn
    WebElement cord =
        root.findElement(
            By.xpath(".//ul[@class='rtds-viewer-rois']/li[label[normalize-space()='SpinalCord']]"));
    cord.findElement(By.tagName("label")).click();
    assertThat(shownRois()).doesNotContain("SpinalCord").hasSize(drawn - 1);

    // window presets
    root.findElement(By.cssSelector("[data-preset='lung']")).click();
    assertThat(root.findElement(By.className("rtds-viewer-window")).getText())
        .isEqualTo("Window: level -600 HU, width 1500 HU");
    root.findElement(By.cssSelector("[data-preset='soft']")).click();

    // the point under the pointer: coordinates and HU at once, the dose when the pointer rests
    chromium.centre(canvas);
    new Actions(browser).moveToElement(canvas).perform();
    WebElement readout = root.findElement(By.className("rtds-viewer-readout"));
    wait.until(d -> readout.getText().contains(" HU"));
    wait.until(d -> readout.getText().contains(" Gy") || readout.getText().contains("outside"));
    assertThat(readout.getText())
        .matches("x -?[0-9.]+, y -?[0-9.]+, z -?[0-9.]+ mm · -?\\d+ HU · .*");
    chromium.screenshot("06-study-viewer-readout");
    Files.writeString(
        Path.of("target", "viewer-timing.txt"),
        "first image after "
            + root.getAttribute("data-first-image-ms")
            + " ms ("
            + n
            + " slices of "
            + chromium.script("return arguments[0].rtdsViewer.ct.rows", root)
            + " rows)\n");
    chromium.script("window.scrollTo(0, 0)");
  }

  @SuppressWarnings("unchecked")
  private List<String> shownRois() {
    return (List<String>)
        chromium.script("return document.getElementById('viewer').rtdsViewer.shownRois()");
  }

  /** Clicks a column heading and waits until the table says it is sorted that way. */
  private void sortBy(String heading, String order, WebDriverWait wait) {
    By header = By.xpath("//th[.//span[normalize-space()='" + heading + "']]");
    browser.findElement(header).click();
    wait.until(
        d -> order.equals(browser.findElement(header).getAttribute("aria-sort")) && ajaxIdle());
  }

  private boolean ajaxIdle() {
    return chromium.ajaxIdle();
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
    return chromium.url(path);
  }

  private void screenshot(String name) throws Exception {
    chromium.screenshot(name);
  }
}
