package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rtds.testdata.DemoCohort;
import org.rtds.testdata.DemoCohort.Member;
import org.rtds.testdata.DicomFile;
import org.rtds.testdata.StudyManifest;

/**
 * The knowledge base end to end on the demonstration cohort ({@code ./rtds demo}'s 40 plans): the
 * studies are uploaded by two hospitals' accounts; once every study's features are done, {@code
 * /qc} flags exactly the deliberately over-dosed plans, {@code /similar} ranks from the stored
 * rows, the DVH band overlays the most similar plans, and another account's plans appear only under
 * their de-identified keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCohortIT {

  private static final String PARTNER = "hospital-b";
  private static final String PARTNER_PASSWORD = "partner-password-1";

  @ArquillianResource URL base;

  private static Path folder;
  private static final Map<String, StudyManifest> STUDIES = new TreeMap<>();
  private static final Map<String, Member> MEMBERS = new TreeMap<>();
  private boolean loaded;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @BeforeAll
  static void generate() throws Exception {
    folder = Files.createTempDirectory("rtds-demo-it");
    for (Member m : DemoCohort.members(DemoCohort.DEFAULT_SIZE, 1)) {
      STUDIES.put(m.patientId(), DemoCohort.write(folder.resolve(m.patientId()), m, 1));
      MEMBERS.put(m.patientId(), m);
    }
    ApplicationWiringIT.createAccount(PARTNER, PARTNER_PASSWORD);
  }

  @AfterAll
  static void remove() throws Exception {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private RtdsHttp admin() {
    return new RtdsHttp(base);
  }

  private RtdsHttp partner() {
    return new RtdsHttp(base, PARTNER, PARTNER_PASSWORD);
  }

  /** Every fourth member is sent by the partner hospital, the others by the administrator's. */
  private static boolean sentByPartner(Member m) {
    return m.index() % 4 == 1;
  }

  /** Uploads the cohort once and waits for every study's features. */
  private void load() throws Exception {
    if (loaded) {
      return;
    }
    admin().awaitReady();
    for (Member m : MEMBERS.values()) {
      (sentByPartner(m) ? partner() : admin())
          .upload(STUDIES.get(m.patientId()).allFiles().stream().map(DicomFile::path).toList());
    }
    for (StudyManifest s : STUDIES.values()) {
      JsonObject f = admin().awaitFeatures(s.studyInstanceUid(), 900);
      assertThat(f.getString("status")).as(s.patientId() + ": " + f).isEqualTo("DONE");
    }
    loaded = true;
  }

  @Test
  void theAchievableDoseCheckFlagsExactlyTheOverdosedPlans() throws Exception {
    load();
    Set<String> flagged = new TreeSet<>();
    Set<String> overdosed = new TreeSet<>();
    StringBuilder report = new StringBuilder();
    for (Member m : MEMBERS.values()) {
      if (m.overdosed()) {
        overdosed.add(m.patientId());
      }
      String uid = STUDIES.get(m.patientId()).studyInstanceUid();
      JsonArray qc = admin().json("api/v1/studies/" + uid + "/qc").asJsonArray();
      assertThat(qc).as(m.patientId()).hasSizeGreaterThan(15);
      for (JsonValue v : qc) {
        JsonObject r = v.asJsonObject();
        assertThat(r.getString("metric")).isEqualTo("D50%");
        assertThat(r.getString("rule")).contains("harder-geometry");
        if (r.getBoolean("flagged")) {
          flagged.add(m.patientId());
          report.append(m.patientId()).append(' ').append(r.getString("explanation")).append('\n');
          // the evidence: the plan that achieved less, among those with harder geometry
          assertThat(r.getJsonArray("evidence").getValuesAs(jakarta.json.JsonString.class))
              .extracting(jakarta.json.JsonString::getString)
              .contains(r.getString("evidenceStudyKey"));
          assertThat(r.getJsonNumber("achievedGy").doubleValue())
              .isGreaterThan(r.getJsonNumber("thresholdGy").doubleValue());
        }
      }
      // the study view says the same
      JsonObject kb =
          admin()
              .json("api/v1/studies/" + uid)
              .asJsonObject()
              .getJsonObject("features")
              .getJsonObject("knowledgeBase");
      assertThat(kb.getJsonNumber("comparedStudies").longValue()).isGreaterThan(30);
      assertThat(kb.getJsonArray("flaggedOars").isEmpty())
          .isEqualTo(!flagged.contains(m.patientId()));
    }
    System.out.print(report);
    assertThat(flagged).as(report.toString()).isEqualTo(overdosed);
  }

  @Test
  void similarPlansAreRankedFromTheStoredRowsAndOtherHospitalsPlansAreDeidentified()
      throws Exception {
    load();
    Member query = MEMBERS.get("DEMO-001"); // the administrator's hospital
    String uid = STUDIES.get(query.patientId()).studyInstanceUid();
    JsonArray similar = admin().json("api/v1/studies/" + uid + "/similar?limit=50").asJsonArray();
    // every other study with a comparable prescription (|TDdiff| <= 5 Gy: 66 and 70 Gy both)
    assertThat(similar).hasSize(39);
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < similar.size(); i++) {
      JsonObject r = similar.getJsonObject(i);
      assertThat(r.getInt("rank")).isEqualTo(i + 1);
      scores.add(r.getJsonNumber("score").doubleValue());
      assertThat(r.getBoolean("identifiable")).isTrue(); // an administrator sees every study
      assertThat(r.getJsonArray("oars")).isNotEmpty();
    }
    assertThat(scores).isSorted();
    // a partner's account sees its own studies by UID, the others' by key only
    Member own = MEMBERS.get("DEMO-002");
    assertThat(sentByPartner(own)).isTrue();
    String ownUid = STUDIES.get(own.patientId()).studyInstanceUid();
    RtdsHttp partner = partner();
    JsonArray seen = partner.json("api/v1/studies/" + ownUid + "/similar?limit=50").asJsonArray();
    assertThat(seen).hasSize(39);
    Set<String> partnerUids = new TreeSet<>();
    MEMBERS.values().stream()
        .filter(DemoCohortIT::sentByPartner)
        .forEach(m -> partnerUids.add(STUDIES.get(m.patientId()).studyInstanceUid()));
    for (JsonValue v : seen) {
      JsonObject r = v.asJsonObject();
      if (r.getBoolean("identifiable")) {
        assertThat(partnerUids).contains(r.getString("studyInstanceUid"));
        assertThat(r.getString("studyKey")).isEqualTo(r.getString("studyInstanceUid"));
      } else {
        assertThat(r.getString("studyKey")).matches("KB-[A-Z2-7]{16}");
        assertThat(r.containsKey("studyInstanceUid")).isFalse();
        assertThat(r.containsKey("patientId")).isFalse();
        assertThat(r.toString()).doesNotContain("DEMO-").doesNotContain("1.2.");
      }
    }
    // the same key in every answer
    JsonArray again = partner.json("api/v1/studies/" + ownUid + "/similar?limit=50").asJsonArray();
    assertThat(again.toString()).isEqualTo(seen.toString());
    // the QC evidence of the partner's study names the administrator's plans by key only
    String qc = partner.get("api/v1/studies/" + ownUid + "/qc", "application/json").body();
    for (StudyManifest s : STUDIES.values()) {
      if (!partnerUids.contains(s.studyInstanceUid())) {
        assertThat(qc).doesNotContain(s.studyInstanceUid());
      }
    }
    // the partner cannot open the administrator's study itself
    assertThat(partner.get("api/v1/studies/" + uid + "/similar", "application/json").statusCode())
        .isEqualTo(404);

    // ranking on one organ; an unknown organ and a bad limit are the caller's mistakes
    JsonArray parotid =
        admin().json("api/v1/studies/" + uid + "/similar?oar=parotid_l&limit=5").asJsonArray();
    assertThat(parotid).hasSize(5);
    for (JsonValue v : parotid) {
      assertThat(v.asJsonObject().getJsonArray("oars"))
          .allSatisfy(o -> assertThat(o.asJsonObject().getString("oar")).isEqualTo("Parotid_L"));
    }
    HttpResponse<String> unknown =
        admin().get("api/v1/studies/" + uid + "/similar?oar=Kidney_L", "application/json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Kidney_L").contains("Parotid_L");
    assertThat(
            admin()
                .get("api/v1/studies/" + uid + "/similar?limit=0", "application/json")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> csv =
        admin().get("api/v1/studies/" + uid + "/similar?limit=3", "text/csv");
    assertThat(csv.body())
        .startsWith("rank,study_key,identifiable,score,target_dose_diff_gy,ptv,oar");
  }

  @Test
  void theDvhBandOfTheMostSimilarPlansOverlaysTheQuerysDvh() throws Exception {
    load();
    String uid = STUDIES.get("DEMO-008").studyInstanceUid(); // over-dosed
    JsonObject band =
        admin()
            .json("api/v1/studies/" + uid + "/similar/dvh-band?oar=Parotid_L&k=5")
            .asJsonObject();
    assertThat(band.getJsonArray("studies")).hasSize(5);
    JsonArray dose = band.getJsonArray("doseGy");
    JsonArray min = band.getJsonArray("minimumPercent");
    JsonArray med = band.getJsonArray("medianPercent");
    JsonArray max = band.getJsonArray("maximumPercent");
    assertThat(min).hasSameSizeAs(dose);
    for (int i = 0; i < dose.size(); i++) {
      double lo = min.getJsonNumber(i).doubleValue();
      double mid = med.getJsonNumber(i).doubleValue();
      double hi = max.getJsonNumber(i).doubleValue();
      assertThat(lo).isLessThanOrEqualTo(mid);
      assertThat(mid).isLessThanOrEqualTo(hi);
    }
    assertThat(min.getJsonNumber(0).doubleValue()).isEqualTo(100.0);
    assertThat(band.getJsonArray("queryDoseGy")).isNotEmpty();
    assertThat(
            admin()
                .get("api/v1/studies/" + uid + "/similar/dvh-band", "application/json")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theQcPageShowsTheApisFlagsAndItsPdfReportNamesThePatientTheFindingsAndItsAuthor()
      throws Exception {
    load();
    Member member = MEMBERS.get("DEMO-008"); // over-dosed, sent by the administrator's hospital
    assertThat(member.overdosed()).isTrue();
    assertThat(sentByPartner(member)).isFalse();
    StudyManifest study = STUDIES.get(member.patientId());
    String uid = study.studyInstanceUid();
    Set<String> apiFlagged = new TreeSet<>();
    Set<String> apiOrgans = new TreeSet<>();
    for (JsonValue v : admin().json("api/v1/studies/" + uid + "/qc").asJsonArray()) {
      JsonObject r = v.asJsonObject();
      apiOrgans.add(r.getString("oar"));
      if (r.getBoolean("flagged")) {
        apiFlagged.add(r.getString("oar"));
      }
    }
    assertThat(apiFlagged).isNotEmpty();
    String name = "DEMO, " + member.patientName().split("\\^")[1]; // PersonNames: Family, Given

    Path pdf;
    try (Chromium chromium = Chromium.open(base, "qc")) {
      WebDriver browser = chromium.driver();
      WebDriverWait wait = chromium.await();
      chromium.get("qc.xhtml?uid=" + uid);
      chromium.signIn("admin", ApplicationWiringIT.ADMIN_PASSWORD);
      chromium.get("qc.xhtml?uid=" + uid);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-qc")));
      assertThat(browser.getTitle()).contains(name);
      // the page flags exactly the organs the API flags, and lists every organ the API checks
      Set<String> pageFlagged = new TreeSet<>();
      browser
          .findElements(By.cssSelector(".rtds-qc tr.rtds-qc-flagged .rtds-qc-oar"))
          .forEach(e -> pageFlagged.add(e.getText()));
      assertThat(pageFlagged).isEqualTo(apiFlagged);
      Set<String> pageOrgans = new TreeSet<>();
      browser
          .findElements(By.cssSelector(".rtds-qc tbody .rtds-qc-oar"))
          .forEach(e -> pageOrgans.add(e.getText()));
      assertThat(pageOrgans).isEqualTo(apiOrgans);
      String page = browser.findElement(By.tagName("main")).getText();
      assertThat(page)
          .contains("D50%")
          .contains("Tolerance τ")
          .contains("3.00 Gy")
          .contains("harder-or-equal geometry")
          .contains("ABOVE ACHIEVABLE");
      assertThat(browser.findElements(By.cssSelector(".rtds-qc-finding")))
          .hasSize(apiFlagged.size());
      assertThat(browser.findElement(By.cssSelector("a.rtds-back")).getAttribute("href"))
          .contains("study.xhtml?uid=" + uid);
      chromium.screenshot("01-page");
      chromium.centre(browser.findElement(By.className("rtds-qc")));
      chromium.screenshot("02-table");
      chromium.centre(browser.findElement(By.className("rtds-qc-finding")));
      chromium.screenshot("03-evidence");

      // one click: the PDF report
      chromium.centre(browser.findElement(By.className("rtds-pdf")));
      browser.findElement(By.className("rtds-pdf")).click();
      pdf = awaitDownload(chromium.downloads(), 120);
      assertThat(pdf.getFileName().toString())
          .matches("rtds-report-" + member.patientId() + "-\\d{4}-\\d{2}-\\d{2}\\.pdf");
      // the page is still there after the download
      assertThat(browser.findElements(By.className("rtds-qc"))).isNotEmpty();
    }
    // the page read and the export are in the audit trail (D54), with the study and who
    JsonObject exports =
        admin()
            .json("api/v1/audit?user=admin&type=study-report-export&study=" + uid)
            .asJsonObject();
    assertThat(exports.getInt("total")).isPositive();
    JsonObject export = exports.getJsonArray("items").getJsonObject(0);
    assertThat(export.getString("eventId")).isEqualTo("Export");
    assertThat(export.getInt("outcome")).isZero();
    assertThat(export.getString("request")).contains("report=pdf");
    assertThat(
            admin()
                .json("api/v1/audit?user=admin&type=study-page&study=" + uid)
                .asJsonObject()
                .getInt("total"))
        .isPositive();
    String text = run("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");
    assertThat(text)
        .contains(name)
        .contains(member.patientId())
        .contains(uid)
        .contains("by admin")
        .contains("UTC")
        .contains("not a certified medical device")
        .contains("must be reviewed by a qualified medical physicist or radiation oncologist")
        .contains("Dose-volume histograms")
        .contains("Dose (Gy)");
    for (String oar : apiFlagged) {
      assertThat(text).contains(oar);
    }
    assertThat(text).contains("Flagged: " + apiFlagged.size() + " of " + apiOrgans.size());
    int pages = Integer.parseInt(text.replaceAll(".*Page 1 of (\\d+).*", "$1"));
    assertThat(pages).isGreaterThanOrEqualTo(2);
    Path shots = Path.of("target", "screenshots");
    for (int p = 1; p <= 2; p++) {
      run(
          "pdftoppm",
          "-png",
          "-r",
          "60",
          "-f",
          "" + p,
          "-l",
          "" + p,
          "-singlefile",
          pdf.toString(),
          shots.resolve("qc-report-page-" + p).toString());
      assertThat(shots.resolve("qc-report-page-" + p + ".png")).isNotEmptyFile();
    }

    // a partner's account: its own study's evidence names the administrator's plans by key only,
    // and the administrator's study is not found
    Member own = MEMBERS.get("DEMO-002");
    String ownUid = STUDIES.get(own.patientId()).studyInstanceUid();
    try (Chromium chromium = Chromium.open(base, "qc-partner")) {
      WebDriver browser = chromium.driver();
      chromium.get("qc.xhtml?uid=" + ownUid);
      chromium.signIn(PARTNER, PARTNER_PASSWORD);
      chromium.get("qc.xhtml?uid=" + ownUid);
      chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-qc")));
      String source = browser.getPageSource();
      assertThat(source).contains("KB-");
      for (Member m : MEMBERS.values()) {
        if (!sentByPartner(m)) {
          assertThat(source).doesNotContain(STUDIES.get(m.patientId()).studyInstanceUid());
        }
      }
      chromium.screenshot("04-partner");
      chromium.get("qc.xhtml?uid=" + uid);
      chromium
          .await()
          .until(ExpectedConditions.presenceOfElementLocated(By.className("rtds-not-found")));
      assertThat(browser.findElement(By.className("rtds-not-found")).getText())
          .contains("There is no such study in your hospital's records");
      assertThat(browser.getPageSource()).doesNotContain(member.patientId());
      chromium.screenshot("05-other-hospitals-study");
    }
  }

  /** Waits for the browser to finish a download into {@code folder} and returns the file. */
  private static Path awaitDownload(Path folder, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      try (Stream<Path> files = Files.list(folder)) {
        List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".pdf")).toList();
        if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
          return done.get(0);
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no PDF downloaded into " + folder + " within " + seconds + " s");
  }

  /** Runs a poppler tool and returns what it printed; fails on a non-zero exit. */
  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }

  @Test
  void theSimilarPatientsPageShowsTheApisRankingFiltersItAndPlotsIt() throws Exception {
    load();
    // the partner hospital's study: its own plans by name, the administrator's hospital's by key
    Member query = MEMBERS.get("DEMO-002");
    assertThat(sentByPartner(query)).isTrue();
    String uid = STUDIES.get(query.patientId()).studyInstanceUid();
    List<String> hidden = new ArrayList<>(); // what the partner must never see
    MEMBERS.values().stream()
        .filter(m -> !sentByPartner(m))
        .forEach(
            m -> {
              hidden.add(m.patientId());
              hidden.add(STUDIES.get(m.patientId()).studyInstanceUid());
            });
    try (Chromium c = Chromium.open(base, "similar")) {
      String page = "similar.xhtml?uid=" + uid + "&oar=Parotid_L";
      c.get(page);
      c.signIn(PARTNER, PARTNER_PASSWORD);
      c.get(page);
      awaitCharts(c);
      JsonArray api = similar(uid, "Parotid_L");
      assertThat(api.size()).isGreaterThan(20);
      assertRowsAre(c, api, "Parotid_L");
      String source = c.driver().getPageSource();
      for (String h : hidden) {
        assertThat(source).as("another hospital's patient on the page").doesNotContain(h);
      }
      assertThat(api.stream().filter(v -> !v.asJsonObject().getBoolean("identifiable")).count())
          .as("the administrator's hospital's plans are among them")
          .isGreaterThan(5);
      // the scatter: a point per plan and this plan apart; the overlay: k = 5 plans, this plan,
      // band
      assertThat(c.script("return PF('scatterChart').chart.data.datasets[0].data.length"))
          .isEqualTo((long) api.size());
      assertThat(c.script("return PF('scatterChart').chart.data.datasets[1].data.length"))
          .isEqualTo(1L);
      assertThat(c.script("return PF('scatterChart').chart.data.datasets[1].label"))
          .asString()
          .startsWith("This plan");
      assertThat(overlayRoles(c))
          .containsExactly(
              "band-min", "band-max", "median", "plan", "plan", "plan", "plan", "plan", "current");
      c.screenshot("01-ranking");
      c.centre(c.driver().findElement(By.id("matches")));
      c.screenshot("02-table");
      c.centre(c.driver().findElement(By.className("rtds-similar-charts")));
      c.screenshot("03-charts");

      // another organ from the menu, k = 3: the API's ranking on that organ, three curves
      Select organs = new Select(c.driver().findElement(By.id("oar")));
      assertThat(organs.getFirstSelectedOption().getAttribute("value")).isEqualTo("Parotid_L");
      String other =
          organs.getOptions().stream()
              .map(o -> o.getAttribute("value"))
              .filter(v -> !v.equals("Parotid_L"))
              .findFirst()
              .orElseThrow();
      organs.selectByValue(other);
      new Select(c.driver().findElement(By.id("k"))).selectByValue("3");
      apply(c, "oar=" + other);
      JsonArray otherApi = similar(uid, other);
      assertRowsAre(c, otherApi, other);
      assertThat(overlayRoles(c))
          .containsExactly("band-min", "band-max", "median", "plan", "plan", "plan", "current");
      assertThat(c.script("return PF('scatterChart').chart.data.datasets[0].data.length"))
          .isEqualTo((long) otherApi.size());

      // filters: other hospitals only, then Dmean at least the median
      new Select(c.driver().findElement(By.id("hospital"))).selectByValue("other");
      apply(c, "hospital=other");
      List<List<String>> others = cells(c);
      assertThat(others)
          .hasSize(
              (int)
                  otherApi.stream()
                      .filter(v -> !v.asJsonObject().getBoolean("identifiable"))
                      .count())
          .allSatisfy(
              r -> {
                assertThat(r.get(2)).matches("KB-[A-Z2-7]{16}");
                assertThat(r.get(3)).isEqualTo("Other hospital");
              });
      List<Double> doses = new ArrayList<>();
      otherApi.forEach(v -> doses.add(dmean(v.asJsonObject(), other)));
      doses.sort(Comparator.naturalOrder());
      String threshold =
          String.format(
              Locale.ROOT,
              "%.4f",
              (doses.get(doses.size() / 2 - 1) + doses.get(doses.size() / 2)) / 2);
      WebElement doseMin = c.driver().findElement(By.id("doseMin"));
      doseMin.sendKeys(threshold);
      apply(c, "doseMin=" + threshold);
      List<Integer> expected = new ArrayList<>();
      for (JsonValue v : otherApi) {
        JsonObject r = v.asJsonObject();
        if (!r.getBoolean("identifiable") && dmean(r, other) >= Double.parseDouble(threshold)) {
          expected.add(r.getInt("rank"));
        }
      }
      assertThat(expected).isNotEmpty();
      assertThat(cells(c))
          .extracting(r -> Integer.valueOf(r.get(0)))
          .as("the ranks kept, in rank order")
          .containsExactlyElementsOf(expected);
      assertThat(c.script("return PF('scatterChart').chart.data.datasets[0].data.length"))
          .isEqualTo((long) expected.size());
      c.centre(c.driver().findElement(By.id("filters")));
      c.screenshot("04-filtered");

      // clear the filters, sort by Dmean: the column ascending, then descending
      c.driver().findElement(By.id("clear")).click();
      c.await().until(d -> !d.getCurrentUrl().contains("doseMin"));
      awaitCharts(c);
      assertThat(cells(c)).hasSize(otherApi.size());
      sortBy(c, "Dmean (Gy)", "ascending");
      List<Double> sorted = cells(c).stream().map(r -> Double.valueOf(r.get(7))).toList();
      assertThat(sorted).isSorted().hasSize(otherApi.size());
      sortBy(c, "Dmean (Gy)", "descending");
      assertThat(cells(c).stream().map(r -> Double.valueOf(r.get(7))).toList())
          .isSortedAccordingTo(Comparator.reverseOrder());
      c.centre(c.driver().findElement(By.id("matches")));
      c.screenshot("05-sorted");

      // the CSV: every plan, the other hospitals' by key only
      c.driver().findElement(By.id("similarForm:csv")).click();
      Path csv = c.downloads().resolve("similar-plans.csv");
      c.await().until(d -> Files.exists(csv) && csv.toFile().length() > 0);
      String text = Files.readString(csv);
      assertThat(text.lines().count()).isEqualTo(otherApi.size() + 1L);
      assertThat(text.lines().findFirst().orElseThrow()).contains("Rank").contains("Dmean (Gy)");
      for (String h : hidden) {
        assertThat(text).doesNotContain(h);
      }

      // a large monitor
      c.driver().manage().window().setSize(new Dimension(1920, 1200));
      c.get(page);
      awaitCharts(c);
      c.screenshot("06-large-monitor");
      c.centre(c.driver().findElement(By.className("rtds-similar-charts")));
      c.screenshot("07-large-monitor-charts");

      // the administrator's study is not the partner's: 404 in plain words
      c.get("similar.xhtml?uid=" + STUDIES.get("DEMO-001").studyInstanceUid());
      c.awaitClass("rtds-not-found");
      assertThat(c.driver().getPageSource()).doesNotContain("DEMO-001");
    }
  }

  private JsonArray similar(String uid, String oar) throws Exception {
    return partner()
        .json("api/v1/studies/" + uid + "/similar?oar=" + oar + "&limit=50")
        .asJsonArray();
  }

  /** The organ's Dmean (Gy) in a plan of the API's answer, relative to the union of targets. */
  private static double dmean(JsonObject similar, String oar) {
    JsonObject found = null;
    for (JsonValue v : similar.getJsonArray("oars")) {
      JsonObject o = v.asJsonObject();
      if (o.getString("oar").equals(oar)
          && (found == null || "PTV_All".equals(o.getString("ptv")))) {
        found = o;
      }
    }
    return found.getJsonNumber("achievedDmeanGy").doubleValue();
  }

  /** The page's table equals the API's ranking: rank, and the patient as the caller may see it. */
  private static void assertRowsAre(Chromium c, JsonArray api, String oar) {
    List<List<String>> rows = cells(c);
    assertThat(rows).as(oar).hasSize(api.size());
    for (int i = 0; i < api.size(); i++) {
      JsonObject r = api.getJsonObject(i);
      List<String> row = rows.get(i);
      assertThat(row.get(0)).isEqualTo(String.valueOf(r.getInt("rank")));
      if (r.getBoolean("identifiable")) {
        assertThat(row.get(2)).contains(r.getString("patientId"));
        assertThat(row.get(3)).isEqualTo("Own hospital");
      } else {
        assertThat(row.get(2)).isEqualTo(r.getString("studyKey")).matches("KB-[A-Z2-7]{16}");
        assertThat(row.get(3)).isEqualTo("Other hospital");
      }
      assertThat(Double.valueOf(row.get(7)))
          .as("Dmean of rank " + (i + 1))
          .isCloseTo(dmean(r, oar), within(0.006));
    }
  }

  /** The text of every cell of the table's rows. */
  private static List<List<String>> cells(Chromium c) {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement tr :
        c.driver().findElements(By.cssSelector(".rtds-similar tbody tr[data-ri]"))) {
      rows.add(tr.findElements(By.tagName("td")).stream().map(td -> td.getText().strip()).toList());
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static List<String> overlayRoles(Chromium c) {
    return (List<String>)
        c.script("return PF('overlayChart').chart.data.datasets.map(d => d.rtdsRole)");
  }

  /** Submits the filter form and waits for the page it answers with. */
  private static void apply(Chromium c, String expectedInUrl) {
    c.driver().findElement(By.id("apply")).click();
    c.await().until(d -> d.getCurrentUrl().contains(expectedInUrl));
    awaitCharts(c);
  }

  private static void awaitCharts(Chromium c) {
    c.await()
        .until(
            d ->
                Boolean.TRUE.equals(
                    c.script(
                        "return document.readyState === 'complete' && window.PF !== undefined"
                            + " && !!PF('scatterChart') && !!PF('scatterChart').chart"
                            + " && !!PF('overlayChart') && !!PF('overlayChart').chart")));
  }

  /** Clicks a column heading and waits until the table says it is sorted that way. */
  private static void sortBy(Chromium c, String heading, String order) {
    By header = By.xpath("//table//th[.//span[normalize-space()='" + heading + "']]");
    c.driver().findElement(header).click();
    c.await()
        .until(d -> order.equals(d.findElement(header).getAttribute("aria-sort")) && c.ajaxIdle());
  }
}
