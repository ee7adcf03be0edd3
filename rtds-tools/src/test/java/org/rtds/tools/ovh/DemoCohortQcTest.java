package org.rtds.tools.ovh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.testdata.DemoCohort;
import org.rtds.testdata.DemoCohort.Member;
import org.rtds.tools.dvh.Cli;

/**
 * The demonstration cohort against the harder-geometry rule, offline: every member's organs (r50
 * relative to the union of its targets, from {@code ./rtds ovh}; D50 from {@code ./rtds dvh}) are
 * reviewed against the other members with a comparable prescription. The rule must flag the
 * deliberately over-dosed members, and no other.
 */
class DemoCohortQcTest {

  @TempDir Path dir;

  private static final boolean ALL = Boolean.getBoolean("rtds.demo.all");

  private static final double RX = Double.parseDouble(System.getProperty("rtds.demo.rx", "5"));

  /** One member's organs: TG-263 name → (r50 mm, D50 Gy, Dmean Gy, D0.03cc Gy). */
  private record MemberOars(Member member, double rxGy, Map<String, double[]> oars) {}

  @Test
  void theHarderGeometryRuleFlagsExactlyTheOverdosedMembers() throws Exception {
    int size = Integer.getInteger("rtds.demo.size", DemoCohort.DEFAULT_SIZE);
    List<MemberOars> cohort = new ArrayList<>();
    for (Member m : DemoCohort.members(size, 1)) {
      Path study = dir.resolve(m.patientId());
      DemoCohort.write(study, m, 1);
      cohort.add(new MemberOars(m, m.anatomy().targets().get(0).doseGy(), oars(study)));
    }
    Map<String, List<String>> flagged = new TreeMap<>();
    StringBuilder report = new StringBuilder();
    for (MemberOars q : cohort) {
      for (Map.Entry<String, double[]> oar : q.oars().entrySet()) {
        List<OarReview.OarPlan> candidates = new ArrayList<>();
        for (MemberOars h : cohort) {
          double[] v = h.oars().get(oar.getKey());
          if (h != q
              && v != null
              && (!ALL || dominates(RV.get(dir.resolve(h.member().patientId())), RV.get(dir.resolve(q.member().patientId())), oar.getKey()))
              && Math.abs(q.rxGy() - h.rxGy()) <= RX
              && v[0] <= oar.getValue()[0]
              && v[4] <= oar.getValue()[4]
              && v[5] <= oar.getValue()[5]
              && Double.isNaN(v[6]) == Double.isNaN(oar.getValue()[6])
              && !(v[6] > oar.getValue()[6])) {
            candidates.add(plan(h.member().patientId(), v));
          }
        }
        OarReview.Result r =
            OarReview.review(
                oar.getKey(), plan(q.member().patientId(), oar.getValue()), candidates, 3, 5);
        if (r.flagged()) {
          flagged.computeIfAbsent(q.member().patientId(), k -> new ArrayList<>()).add(oar.getKey());
        }
        report.append(
            String.format(
                Locale.ROOT,
                "%s %-18s r50 %6.1f D50 %6.2f achievable %6.2f excess %6.2f%s %s H=%d%n",
                q.member().patientId(),
                oar.getKey(),
                oar.getValue()[0],
                oar.getValue()[1],
                r.achievable().achievableGy(),
                r.achievable().excessGy(),
                r.flagged() ? " FLAGGED" : "",
                r.achievable().evidenceStudyKey(),
                r.achievable().harderGeometry().size()));
      }
    }
    System.out.print(report);
    Set<String> expected = new TreeSet<>();
    cohort.stream()
        .filter(c -> c.member().overdosed())
        .forEach(c -> expected.add(c.member().patientId()));
    assertThat(flagged.keySet()).as(flagged.toString()).isEqualTo(expected);
  }

  private static OarReview.OarPlan plan(String key, double[] v) {
    return new OarReview.OarPlan(key, v[0], v[3], v[1], v[2]);
  }

  /** r50 (union of targets) and D50, Dmean, D0.03cc per TG-263 organ. */
  private static Map<String, double[]> oars(Path study) {
    OvhCli.Result ovh = OvhCli.run(study);
    assertThat(ovh.status()).as(ovh.err()).isZero();
    Map<String, String> standardByRoi = new HashMap<>();
    Map<String, Double> r50 = new HashMap<>();
    Map<String, double[]> rv = new HashMap<>();
    for (OvhCli.Row row : ovh.rows()) {
      if (row.quantity().matches("r[0-9]+") && !row.oarStandardName().isEmpty()) {
        String lvl =
            row.ptv().equals(OvhInputs.UNION_NAME)
                ? "A"
                : row.ptv().startsWith("PTV_56") ? "L" : row.ptv().startsWith("PTV63") ? "M" : "H";
        int idx = Integer.parseInt(row.quantity().substring(1)) / 5 - 1;
        rv.computeIfAbsent(lvl + row.oarStandardName(), x -> new double[20])[idx] =
            Double.parseDouble(row.value());
      }
      if (row.quantity().equals("r50") && !row.oarStandardName().isEmpty()) {
        String level =
            row.ptv().equals(OvhInputs.UNION_NAME)
                ? ""
                : row.ptv().startsWith("PTV_56") ? "L" : row.ptv().startsWith("PTV63") ? "M" : "H";
        standardByRoi.put(row.oar(), row.oarStandardName());
        r50.put(level + row.oarStandardName(), Double.parseDouble(row.value()));
      }
    }
    Cli.Result dvh = Cli.run(study, "--metrics", "D50%,Dmean,D0.03cc");
    assertThat(dvh.status()).as(dvh.err()).isZero();
    Map<String, double[]> out = new TreeMap<>();
    String[] lines = dvh.out().split("\n");
    for (int i = 1; i < lines.length; i++) {
      List<String> f = Cli.fields(lines[i]);
      String standard = standardByRoi.get(f.get(1));
      if (standard == null || f.get(3).isEmpty()) {
        continue;
      }
      double[] v = out.computeIfAbsent(standard, s ->
                  new double[] {
                    r50.get(s),
                    0,
                    0,
                    0,
                    r50.get("H" + s),
                    r50.get("L" + s),
                    r50.getOrDefault("M" + s, Double.NaN)
                  });
      double x = Double.parseDouble(f.get(3));
      switch (f.get(2)) {
        case "D50%" -> v[1] = x;
        case "D0.03cc" -> v[2] = x;
        case "Dmean" -> v[3] = x;
        default -> {}
      }
    }
    RV.put(study, rv);
    return out;
  }

  static final Map<Path, Map<String, double[]>> RV = new HashMap<>();

  static boolean dominates(Map<String, double[]> p, Map<String, double[]> q, String oar) {
    for (String lvl : List.of("A", "H", "M", "L")) {
      double[] a = p.get(lvl + oar);
      double[] b = q.get(lvl + oar);
      if ((a == null) != (b == null)) {
        return false;
      }
      if (a != null) {
        for (int i = 0; i < 20; i++) {
          if (a[i] > b[i]) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
