package org.rtds.features.knowledge.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rtds.features.control.GeometryFeatureWriter;
import org.rtds.features.knowledge.TargetLevels;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.sts.StsCodec;

/**
 * Writes synthetic studies into a migrated RTDS database with plain JDBC, as the feature job would
 * have left them: patient, study, series, structure set, one ROI per organ (TG-263 name), the RT
 * Plan's prescription, the {@code ovh} rows (codec text, r_v values) and {@code sts} rows of every
 * pair, and optionally a computed cumulative DVH per organ (1 Gy bins, CM3) whose D50% follows the
 * organ's OVH. Ids are chosen here (above every existing one), so thousands of studies are written
 * without a round trip per generated key. For integration tests and the server-path benchmark; the
 * connection should have {@code rewriteBatchedStatements=true}.
 */
public final class StoredStudies implements AutoCloseable {

  private static final String ALL_LEVELS = TargetLevels.ALL;
  private final Connection c;
  private final int account;
  private final Map<String, Integer> dictionary = new HashMap<>();
  private int next;
  private final PreparedStatement patient;
  private final PreparedStatement study;
  private final PreparedStatement series;
  private final PreparedStatement structureSet;
  private final PreparedStatement roi;
  private final PreparedStatement plan;
  private final PreparedStatement dose;
  private final PreparedStatement dvh;
  private final PreparedStatement ovh;
  private final PreparedStatement sts;
  private final PreparedStatement change;

  /**
   * @param c a connection to a migrated database (auto-commit as the caller likes)
   * @param organs every organ name the studies use (added to {@code oar_dictionary} if absent)
   * @throws SQLException on database errors
   */
  public StoredStudies(Connection c, List<String> organs) throws SQLException {
    this.c = c;
    try (Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email,"
              + " is_staff, is_active, date_joined) VALUES ('!', 0, 'stored-studies-"
              + System.nanoTime()
              + "', '', '', '', 0, 1, NOW())",
          Statement.RETURN_GENERATED_KEYS);
      try (ResultSet k = s.getGeneratedKeys()) {
        k.next();
        account = k.getInt(1);
      }
      for (String o : new TreeSet<>(organs)) {
        s.executeUpdate(
            "INSERT IGNORE INTO oar_dictionary (ROIName, Role) VALUES ('" + o + "', 'OAR')");
      }
      try (ResultSet r = s.executeQuery("SELECT id, ROIName FROM oar_dictionary")) {
        while (r.next()) {
          dictionary.put(r.getString(2), r.getInt(1));
        }
      }
      int max = 0;
      for (String t :
          List.of("patients", "studies", "series", "rt_structureset", "rt_plan", "rt_dose")) {
        try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + t)) {
          r.next();
          max = Math.max(max, r.getInt(1));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM rt_rois")) {
        r.next();
        max = Math.max(max, r.getInt(1) / 64 + 1);
      }
      next = max + 1;
    }
    patient =
        c.prepareStatement(
            "INSERT INTO patients (id, PatientName, fk_user_id_id, PatientID) VALUES (?,?,?,?)");
    study =
        c.prepareStatement(
            "INSERT INTO studies (id, StudyInstanceUID, fk_patient_id_id, fk_user_id_id)"
                + " VALUES (?,?,?,?)");
    series =
        c.prepareStatement(
            "INSERT INTO series (id, SeriesInstanceUID, Modality, fk_patient_id_id,"
                + " fk_study_id_id, fk_user_id_id) VALUES (?,?,'RTSTRUCT',?,?,?)");
    structureSet =
        c.prepareStatement(
            "INSERT INTO rt_structureset (id, SOPInstanceUID, SOPClassUID, fk_patient_id_id,"
                + " fk_series_id_id, fk_study_id_id, fk_user_id_id)"
                + " VALUES (?,?,'1.2.840.10008.5.1.4.1.1.481.3',?,?,?,?)");
    roi =
        c.prepareStatement(
            "INSERT INTO rt_rois (id, ROIName, Volume, fk_structureset_id_id, fk_patient_id_id,"
                + " fk_series_id_id, fk_study_id_id, fk_user_id_id, ROINumber, Role, fk_oar_id_id)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    plan =
        c.prepareStatement(
            "INSERT INTO rt_plan (id, SOPInstanceUID, SOPClassUID, PrescriptionDoseGy,"
                + " fk_patient_id_id, fk_series_id_id, fk_study_id_id, fk_user_id_id)"
                + " VALUES (?,?,'1.2.840.10008.5.1.4.1.1.481.5',?,?,?,?,?)");
    dose =
        c.prepareStatement(
            "INSERT INTO rt_dose (id, SOPClassUID, SOPInstanceUID, fk_patient_id_id,"
                + " fk_series_id_id, fk_study_id_id, fk_user_id_id)"
                + " VALUES (?,'1.2.840.10008.5.1.4.1.1.481.2',?,?,?,?,?)");
    dvh =
        c.prepareStatement(
            "INSERT INTO rt_dvh (DVHDoseScaling, DVHMeanDose, DVHReferencedROI, DVHType,"
                + " DVHVolumeUnits, DoseType, DoseUnits, DVHData, fk_dose_id_id, fk_patient_id_id,"
                + " fk_series_id_id, fk_study_id, fk_user_id_id, Source)"
                + " VALUES ('1',?,?,'CUMULATIVE','CM3','PHYSICAL','GY',?,?,?,?,?,?,'COMPUTED')");
    ovh =
        c.prepareStatement(
            "INSERT INTO ovh (binValue, binAmount, OverlapArea, ptv_id, OAR_id, fk_study_id_id,"
                + " fk_oar_roi_id, RvMm) VALUES (?,?,0,?,?,?,?,?)");
    sts =
        c.prepareStatement(
            "INSERT INTO sts (elevation_bins, distance_bins, azimuth_bins, amounts, ptv_id,"
                + " OAR_id, fk_study_id_id, fk_oar_roi_id) VALUES (?,?,?,?,?,?,?,?)");
    change =
        c.prepareStatement("INSERT INTO rtds_knowledge_change (study_id, changed_at) VALUES (?,?)");
  }

  /**
   * Writes one study (not its change-log entry).
   *
   * @param s the study's signatures and prescription (Gy)
   * @param withDvh whether to write each organ's computed DVH
   * @return its {@code studies.id}
   * @throws SQLException on database errors
   */
  public int store(SyntheticSignatures.Study s, boolean withDvh) throws SQLException {
    int id = next++;
    String uid = "2.25." + (1_000_000_000L + id);
    set(patient, id, "Synthetic^" + id, account, "SYN-" + id);
    patient.executeUpdate();
    set(study, id, uid, id, account);
    study.executeUpdate();
    set(series, id, uid + ".1", id, id, account);
    series.executeUpdate();
    set(structureSet, id, uid + ".2", id, id, id, account);
    structureSet.executeUpdate();
    set(plan, id, uid + ".3", s.targetDoseGy(), id, id, id, account);
    plan.executeUpdate();
    if (withDvh) {
      set(dose, id, uid + ".4", id, id, id, account);
      dose.executeUpdate();
    }
    Map<String, Integer> roiOf = new HashMap<>();
    Map<String, OvhCurve> union = new HashMap<>();
    for (PairKey k : s.pairs().keySet()) {
      if (!roiOf.containsKey(k.oarName())) {
        roiOf.put(k.oarName(), id * 64 + roiOf.size());
      }
      if (k.ptvRole().equals(ALL_LEVELS)) {
        union.put(k.oarName(), s.pairs().get(k).ovh());
      }
    }
    if (roiOf.size() > 64) {
      throw new IllegalArgumentException("at most 64 organs per study");
    }
    for (Map.Entry<String, Integer> r : roiOf.entrySet()) {
      set(
          roi,
          r.getValue(),
          r.getKey(),
          20,
          id,
          id,
          id,
          id,
          account,
          String.valueOf(r.getValue() - id * 64 + 10),
          "OAR",
          dictionary.get(r.getKey()));
      roi.addBatch();
      if (withDvh) {
        OvhCurve u = union.get(r.getKey());
        double d50 = doseFor(u == null ? 20 : u.rvMm(0.5), s.targetDoseGy());
        set(dvh, d50, String.valueOf(r.getValue()), dvhData(d50, 20), id, id, id, id, account);
        dvh.addBatch();
      }
    }
    roi.executeBatch();
    if (withDvh) {
      dvh.executeBatch();
    }
    for (Map.Entry<PairKey, PairSignature> e : s.pairs().entrySet()) {
      OvhCurve curve = e.getValue().ovh();
      int level = dictionary.get(e.getKey().ptvRole());
      int organ = dictionary.get(e.getKey().oarName());
      int roiId = roiOf.get(e.getKey().oarName());
      set(
          ovh,
          OvhCodec.encodeDistances(curve.gridMm()),
          NumberLists.join(curve.cumulativeFraction(), OvhCodec.FRACTION_DIGITS),
          level,
          organ,
          id,
          roiId);
      double[] rv = new double[20];
      for (int v = 0; v < 20; v++) {
        rv[v] = curve.rvMm((v + 1) / 20.0);
      }
      ovh.setString(7, GeometryFeatureWriter.RV_FORMAT + ":" + NumberLists.join(rv, 6));
      ovh.addBatch();
      StsCodec.StsRow r = StsCodec.encode(e.getValue().stsAmounts());
      set(
          sts,
          r.elevationBins(),
          r.distanceBins(),
          r.azimuthBins(),
          r.amounts(),
          level,
          organ,
          id,
          roiId);
      sts.addBatch();
    }
    ovh.executeBatch();
    sts.executeBatch();
    return id;
  }

  /**
   * Appends a study's change-log entry, as its feature computation does.
   *
   * @param studyId the study
   * @throws SQLException on database errors
   */
  public void logChange(int studyId) throws SQLException {
    change.setInt(1, studyId);
    change.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
    change.executeUpdate();
  }

  /**
   * The D50% (Gy) a plan achieves for an organ whose union r50 is given: the prescription inside
   * the target, falling to 10 % of it 40 mm away.
   */
  static double doseFor(double r50Mm, double prescriptionGy) {
    double x = Math.max(0, Math.min(1, r50Mm / 40));
    return Math.round(prescriptionGy * (1 - 0.9 * x) * 100) / 100.0;
  }

  /** A cumulative DVH in 1 Gy bins (cc) of an organ of volumeCc whose D50% is d50Gy. */
  static String dvhData(double d50Gy, double volumeCc) {
    List<String> parts = new ArrayList<>();
    int bins = (int) Math.ceil(d50Gy * 2) + 2;
    for (int k = 0; k < bins; k++) {
      double x = (k - d50Gy) / Math.max(1, d50Gy / 4);
      double fraction = 1 / (1 + Math.exp(4 * x));
      parts.add("1");
      parts.add(String.valueOf(Math.round(volumeCc * fraction * 1e6) / 1e6));
    }
    return String.join(",", parts);
  }

  private static void set(PreparedStatement p, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      p.setObject(i + 1, values[i]);
    }
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement p :
        List.of(patient, study, series, structureSet, roi, plan, dose, dvh, ovh, sts, change)) {
      p.close();
    }
  }
}
