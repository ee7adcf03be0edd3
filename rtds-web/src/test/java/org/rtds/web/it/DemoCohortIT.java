package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
}
