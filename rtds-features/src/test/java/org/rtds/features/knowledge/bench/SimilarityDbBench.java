package org.rtds.features.knowledge.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rtds.features.knowledge.format.NumberLists;
import org.rtds.features.knowledge.index.SignatureIndex;
import org.rtds.features.knowledge.ovh.OvhCodec;
import org.rtds.features.knowledge.ovh.OvhCurve;
import org.rtds.features.knowledge.ranking.PairKey;
import org.rtds.features.knowledge.ranking.PairSignature;
import org.rtds.features.knowledge.ranking.SimilarityWeights;
import org.rtds.features.knowledge.sts.StsCodec;
import org.rtds.features.knowledge.testing.SyntheticSignatures;
import org.rtds.features.knowledge.testing.SyntheticSignatures.Study;

/**
 * Not a test: MariaDB end to end. Writes N synthetic studies into a throwaway database with the
 * {@code ovh}/{@code sts} column formats (longtext, the codec's text; ptv/organ as ids; no foreign
 * keys) and a {@code plan} table (study, prescription Gy), then times what a node pays: reading
 * every row, decoding it and filling a {@link SignatureIndex}; an incremental catch-up from the row
 * id watermark after one more study; and one top-10 query. The database is dropped at the end.
 * Arguments: JDBC URL (default jdbc:mysql://127.0.0.1:3306/?user=root), then the sizes.
 */
public final class SimilarityDbBench {
  private SimilarityDbBench() {}

  private static final String DB = "rtds_simbench_tmp";

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:mysql://127.0.0.1:3306/?user=root";
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1000, 10_000);
    }
    SyntheticSignatures g = new SyntheticSignatures(7, List.of("PTV_All", "PTV_High"), 20, 0.1);
    Map<PairKey, Integer> ptvIds = new HashMap<>();
    Map<PairKey, Integer> oarIds = new HashMap<>();
    for (PairKey k : g.keys()) {
      ptvIds.put(k, k.ptvRole().equals("PTV_All") ? 1 : 2);
      oarIds.put(k, 10 + Integer.parseInt(k.oarName().substring(4)));
    }
    String sep = url.contains("?") ? "&" : "?";
    try (Connection c = DriverManager.getConnection(url + sep + "rewriteBatchedStatements=true")) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DB);
        s.execute("CREATE DATABASE " + DB);
        s.execute("USE " + DB);
        s.execute(
            "CREATE TABLE ovh (id int AUTO_INCREMENT PRIMARY KEY, binValue longtext NOT NULL,"
                + " binAmount longtext NOT NULL, OverlapArea int NULL, ptv_id int NOT NULL,"
                + " OAR_id int NOT NULL, fk_study_id_id int NOT NULL)");
        s.execute(
            "CREATE TABLE sts (id int AUTO_INCREMENT PRIMARY KEY, elevation_bins longtext NOT"
                + " NULL, distance_bins longtext NOT NULL, azimuth_bins longtext NOT NULL, amounts"
                + " longtext NOT NULL, ptv_id int NOT NULL, OAR_id int NOT NULL, fk_study_id_id"
                + " int NOT NULL)");
        s.execute("CREATE TABLE plan (study_id int PRIMARY KEY, rx double NOT NULL)");
      }
      Map<Integer, PairKey> keyOf = new HashMap<>();
      for (PairKey k : g.keys()) {
        keyOf.put(ptvIds.get(k) * 1000 + oarIds.get(k), k);
      }
      System.out.printf(
          Locale.ROOT,
          "MariaDB end to end (%s), load average %.2f%n",
          url.replaceAll("user=[^&]*", "user=…"),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println(
          "| N studies | insert (s) | read + decode + index put (s) | of which read (s) |"
              + " catch-up of 1 study from the watermark (ms) | top-10 query (ms) |");
      System.out.println("|---|---|---|---|---|---|");
      int n = 0;
      for (int size : sizes) {
        long t = System.nanoTime();
        while (n < size) {
          insert(c, n++, g.realistic("x"), ptvIds, oarIds);
        }
        double ins = (System.nanoTime() - t) / 1e9;
        SignatureIndex index = new SignatureIndex();
        double[] readS = new double[1];
        t = System.nanoTime();
        load(c, index, keyOf, 0, readS);
        double loadS = (System.nanoTime() - t) / 1e9;
        Study extra = g.realistic("y");
        insert(c, n, extra, ptvIds, oarIds);
        t = System.nanoTime();
        load(c, index, keyOf, index.watermark(), new double[1]);
        double catchUp = (System.nanoTime() - t) / 1e6;
        if (index.size() != n + 1) {
          throw new IllegalStateException("index has " + index.size() + " studies");
        }
        deleteStudy(c, n);
        index.remove(Integer.toString(n));
        Study q = g.realistic("q");
        index.query(q.pairs(), q.targetDoseGy(), SimilarityWeights.DEFAULT, 10, null);
        t = System.nanoTime();
        index.query(q.pairs(), q.targetDoseGy(), SimilarityWeights.DEFAULT, 10, null);
        double queryMs = (System.nanoTime() - t) / 1e6;
        System.out.printf(
            Locale.ROOT,
            "| %,d | %.1f | %.1f | %.1f | %.0f | %.0f |%n",
            size,
            ins,
            loadS,
            readS[0],
            catchUp,
            queryMs);
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP DATABASE " + DB);
      }
    }
  }

  private static void insert(
      Connection c, int id, Study s, Map<PairKey, Integer> ptv, Map<PairKey, Integer> oar)
      throws SQLException {
    try (PreparedStatement o =
            c.prepareStatement(
                "INSERT INTO ovh (binValue, binAmount, OverlapArea, ptv_id, OAR_id,"
                    + " fk_study_id_id) VALUES (?,?,0,?,?,?)");
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO sts (elevation_bins, distance_bins, azimuth_bins, amounts, ptv_id,"
                    + " OAR_id, fk_study_id_id) VALUES (?,?,?,?,?,?,?)");
        PreparedStatement p = c.prepareStatement("INSERT INTO plan VALUES (?,?)")) {
      for (Map.Entry<PairKey, PairSignature> e : s.pairs().entrySet()) {
        OvhCurve curve = e.getValue().ovh();
        o.setString(1, OvhCodec.encodeDistances(curve.gridMm()));
        o.setString(2, NumberLists.join(curve.cumulativeFraction(), OvhCodec.FRACTION_DIGITS));
        o.setInt(3, ptv.get(e.getKey()));
        o.setInt(4, oar.get(e.getKey()));
        o.setInt(5, id);
        o.addBatch();
        StsCodec.StsRow r = StsCodec.encode(e.getValue().stsAmounts());
        st.setString(1, r.elevationBins());
        st.setString(2, r.distanceBins());
        st.setString(3, r.azimuthBins());
        st.setString(4, r.amounts());
        st.setInt(5, ptv.get(e.getKey()));
        st.setInt(6, oar.get(e.getKey()));
        st.setInt(7, id);
        st.addBatch();
      }
      o.executeBatch();
      st.executeBatch();
      p.setInt(1, id);
      p.setDouble(2, s.targetDoseGy());
      p.executeUpdate();
    }
  }

  private static void deleteStudy(Connection c, int id) throws SQLException {
    for (String t : new String[] {"ovh", "sts"}) {
      try (PreparedStatement p =
          c.prepareStatement("DELETE FROM " + t + " WHERE fk_study_id_id = ?")) {
        p.setInt(1, id);
        p.executeUpdate();
      }
    }
    try (PreparedStatement p = c.prepareStatement("DELETE FROM plan WHERE study_id = ?")) {
      p.setInt(1, id);
      p.executeUpdate();
    }
  }

  /**
   * Loads the studies touched by rows with sts.id &gt; watermark (all when 0): their full set of
   * rows, decoded, put into the index; advances the watermark to the highest sts id seen. (Rows of
   * one study are written in one transaction, OVH before STS.)
   */
  private static void load(
      Connection c,
      SignatureIndex index,
      Map<Integer, PairKey> keyOf,
      long watermark,
      double[] readS)
      throws SQLException {
    long t0 = System.nanoTime();
    long read = 0;
    String studies =
        watermark <= 0
            ? ""
            : " WHERE fk_study_id_id IN (SELECT fk_study_id_id FROM sts WHERE id > "
                + watermark
                + ")";
    Map<Integer, Map<PairKey, String[]>> ovh = new HashMap<>();
    Map<Integer, Double> rx = new HashMap<>();
    long maxId = watermark;
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT study_id, rx FROM plan")) {
      while (r.next()) {
        rx.put(r.getInt(1), r.getDouble(2));
      }
    }
    try (Statement s = c.createStatement()) {
      s.setFetchSize(Integer.MIN_VALUE);
      try (ResultSet r =
          s.executeQuery(
              "SELECT fk_study_id_id, ptv_id, OAR_id, binValue, binAmount FROM ovh" + studies)) {
        while (r.next()) {
          ovh.computeIfAbsent(r.getInt(1), x -> new HashMap<>())
              .put(
                  keyOf.get(r.getInt(2) * 1000 + r.getInt(3)),
                  new String[] {r.getString(4), r.getString(5)});
        }
      }
    }
    read += System.nanoTime() - t0;
    try (Statement s = c.createStatement()) {
      s.setFetchSize(Integer.MIN_VALUE);
      long t = System.nanoTime();
      // a study's rows are written together, so they arrive together: put each study when done
      int current = -1;
      Map<PairKey, PairSignature> pairs = new TreeMap<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT id, fk_study_id_id, ptv_id, OAR_id, elevation_bins, distance_bins,"
                  + " azimuth_bins, amounts FROM sts"
                  + studies)) {
        while (r.next()) {
          int study = r.getInt(2);
          PairKey k = keyOf.get(r.getInt(3) * 1000 + r.getInt(4));
          StsCodec.StsRow row =
              new StsCodec.StsRow(r.getString(5), r.getString(6), r.getString(7), r.getString(8));
          long d = System.nanoTime();
          if (study != current) {
            if (current >= 0) {
              index.put(Integer.toString(current), rx.get(current), pairs);
              ovh.remove(current);
            }
            current = study;
            pairs = new TreeMap<>();
          }
          String[] o = ovh.get(study).get(k);
          pairs.put(k, new PairSignature(OvhCodec.decode(o[0], o[1]), StsCodec.decode(row)));
          t += System.nanoTime() - d;
          maxId = Math.max(maxId, r.getLong(1));
        }
      }
      if (current >= 0) {
        index.put(Integer.toString(current), rx.get(current), pairs);
      }
      read += System.nanoTime() - t;
    }
    index.advanceWatermark(maxId);
    readS[0] = read / 1e9;
  }
}
