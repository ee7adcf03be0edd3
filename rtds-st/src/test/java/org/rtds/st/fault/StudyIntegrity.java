package org.rtds.st.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rtds.testdata.StudyManifest;

/**
 * What "complete, no half-written rows, no orphan files" means for one pushed study, checked
 * through the API, directly in the embedded database (credentials in {@code
 * RTDS_DATA_DIR/db-credentials.properties}) and in the file store.
 */
final class StudyIntegrity {

  private static final Pattern OBJECTS = Pattern.compile("\"objects\"\\s*:\\s*\\{([^}]*)}");
  private static final Pattern COUNT = Pattern.compile("\"([A-Z]+)\"\\s*:\\s*(\\d+)");

  private StudyIntegrity() {}

  /** Objects per modality the study must hold. */
  static Map<String, Long> expectedObjects(StudyManifest study) {
    Map<String, Long> expected = new TreeMap<>();
    study.allFiles().forEach(f -> expected.merge(f.modality(), 1L, Long::sum));
    return expected;
  }

  /** {@code GET /rtds/api/v1/studies/{uid}}: objects per modality. */
  static void assertApiComplete(LaunchedRtds rtds, StudyManifest study) throws Exception {
    HttpResponse<String> response =
        rtds.get("/rtds/api/v1/studies/" + study.studyInstanceUid(), true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher block = OBJECTS.matcher(response.body());
    assertThat(block.find()).as(response.body()).isTrue();
    Map<String, Long> objects = new TreeMap<>();
    for (Matcher m = COUNT.matcher(block.group(1)); m.find(); ) {
      objects.put(m.group(1), Long.parseLong(m.group(2)));
    }
    assertThat(objects).as("objects per modality in the API").isEqualTo(expectedObjects(study));
  }

  /** A connection to the launcher's embedded MariaDB (its child mariadbd) as the application. */
  static Connection connect(LaunchedRtds rtds) throws IOException, SQLException {
    return connect(rtds.dataDir, LaunchedRtds.commandLine(rtds.mariadbd()));
  }

  /**
   * A connection as the application's account to the mariadbd started with this command line, on
   * the data directory's credentials.
   */
  static Connection connect(Path dataDir, List<String> mariadbCommand)
      throws IOException, SQLException {
    String port =
        mariadbCommand.stream()
            .filter(a -> a.startsWith("--port="))
            .map(a -> a.substring("--port=".length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("mariadbd has no --port= argument"));
    Properties credentials = new Properties();
    try (InputStream in = Files.newInputStream(dataDir.resolve("db-credentials.properties"))) {
      credentials.load(in);
    }
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:" + port + "/dsrt?sslMode=DISABLED&allowPublicKeyRetrieval=true",
        "rtds",
        credentials.getProperty("rtds"));
  }

  /**
   * Every row the study's objects produce exists exactly once, nothing half-written: one patient,
   * one study, its series, one {@code rtds_object} per SOP instance, one CT image row per slice,
   * the structure set with all its ROIs, the plan, the dose with every frame; no rejection.
   */
  static void assertDatabaseComplete(Connection db, StudyManifest study) throws SQLException {
    int files = study.allFiles().size();
    long studyId = single(db, "select id from studies where StudyInstanceUID = ?", study);
    assertThat(count(db, "select count(*) from studies where StudyInstanceUID = ?", study))
        .as("studies rows")
        .isEqualTo(1);
    assertThat(
            count(
                db,
                "select count(*) from patients p join studies s on s.fk_patient_id_id = p.id"
                    + " where s.StudyInstanceUID = ?",
                study))
        .as("patients rows")
        .isEqualTo(1);
    assertThat(count(db, "select count(*) from series where fk_study_id_id = ?", studyId))
        .as("series rows")
        .isEqualTo(study.allFiles().stream().map(f -> f.seriesInstanceUid()).distinct().count());
    assertThat(count(db, "select count(*) from rtds_object where fk_study_id_id = ?", studyId))
        .as("rtds_object rows")
        .isEqualTo(files);
    assertThat(
            count(
                db,
                "select count(distinct SOPInstanceUID) from rtds_object where fk_study_id_id = ?",
                studyId))
        .as("distinct SOP instances in rtds_object")
        .isEqualTo(files);
    assertThat(count(db, "select count(*) from ct_images where fk_study_id_id = ?", studyId))
        .as("ct_images rows")
        .isEqualTo(study.ctSliceCount());
    assertThat(
            count(
                db,
                "select count(distinct SOPInstanceUID) from ct_images where fk_study_id_id = ?",
                studyId))
        .as("distinct CT images")
        .isEqualTo(study.ctSliceCount());
    assertThat(count(db, "select count(*) from rt_structureset where fk_study_id_id = ?", studyId))
        .as("rt_structureset rows")
        .isEqualTo(1);
    assertThat(
            count(
                db,
                "select count(*) from rt_rois r join rt_structureset s"
                    + " on r.fk_structureset_id_id = s.id where s.fk_study_id_id = ?",
                studyId))
        .as("rt_rois rows")
        .isEqualTo(study.rois().size());
    assertThat(count(db, "select count(*) from rt_plan where fk_study_id_id = ?", studyId))
        .as("rt_plan rows")
        .isEqualTo(1);
    assertThat(count(db, "select count(*) from rt_dose where fk_study_id_id = ?", studyId))
        .as("rt_dose rows")
        .isEqualTo(study.doses().size());
    assertThat(count(db, "select count(*) from rt_dose_image where fk_study_id_id = ?", studyId))
        .as("rt_dose_image rows (one per dose frame, D22)")
        .isEqualTo((long) study.doseGrid().frames() * study.doses().size());
    assertThat(count(db, "select count(*) from rtds_rejection", null))
        .as("rtds_rejection rows")
        .isZero();
  }

  /**
   * The file store: every file under {@code objects/} is referenced by an {@code rtds_object} or
   * {@code rtds_rejection} row, and every referenced file exists.
   */
  static void assertNoOrphanFiles(Connection db, Path dataDir) throws SQLException, IOException {
    Set<String> referenced = new HashSet<>();
    for (String table : List.of("rtds_object", "rtds_rejection")) {
      try (PreparedStatement sql = db.prepareStatement("select FilePath from " + table);
          ResultSet rows = sql.executeQuery()) {
        while (rows.next()) {
          referenced.add(rows.getString(1));
        }
      }
    }
    Set<String> onDisk = new HashSet<>();
    try (Stream<Path> files = Files.walk(dataDir.resolve("objects"))) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> onDisk.add(dataDir.relativize(f).toString().replace('\\', '/')));
    }
    Set<String> orphans = new HashSet<>(onDisk);
    orphans.removeAll(referenced);
    Set<String> missing = new HashSet<>(referenced);
    missing.removeAll(onDisk);
    assertThat(orphans).as("files under objects/ that no row references").isEmpty();
    assertThat(missing).as("FilePath values without a file").isEmpty();
  }

  /** Regular files under {@code incoming/} with their modification times. */
  static Map<Path, FileTime> incomingFiles(Path dataDir) throws IOException {
    Map<Path, FileTime> found = new TreeMap<>();
    Path incoming = dataDir.resolve("incoming");
    if (!Files.isDirectory(incoming)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(incoming)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        found.put(dataDir.relativize(f), Files.getLastModifiedTime(f));
      }
    }
    return found;
  }

  private static long single(Connection db, String query, StudyManifest study) throws SQLException {
    try (PreparedStatement sql = db.prepareStatement(query)) {
      sql.setString(1, study.studyInstanceUid());
      try (ResultSet rows = sql.executeQuery()) {
        assertThat(rows.next()).as("no row for " + query).isTrue();
        return rows.getLong(1);
      }
    }
  }

  private static long count(Connection db, String query, Object parameter) throws SQLException {
    try (PreparedStatement sql = db.prepareStatement(query)) {
      if (parameter instanceof StudyManifest study) {
        sql.setString(1, study.studyInstanceUid());
      } else if (parameter != null) {
        sql.setObject(1, parameter);
      }
      try (ResultSet rows = sql.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
