package org.rtds.tools.ovh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtds.features.knowledge.ranking.OarReview;
import org.rtds.testdata.DemoCohort;
import org.rtds.testdata.DemoCohort.Member;
import org.rtds.tools.dvh.Cli;

/**
 * The demonstration cohort against the harder-geometry rule, offline: every member's organs (r_v
 * per target level from {@code ./rtds ovh}; D50, Dmean and D0.03cc from {@code ./rtds dvh}) are
 * reviewed against the other members with the same prescription. The rule must flag the
 * deliberately over-dosed members and no other (the server's version of this check is {@code
 * KnowledgeBaseIT}).
 */
class DemoCohortQcTest {

  @TempDir Path dir;

  /** One member's organs, by TG-263 name. */
  private record MemberOars(Member member, double rxGy, Map<String, OarReview.OarPlan> oars) {}

  @Test
  void theHarderGeometryRuleFlagsExactlyTheOverdosedMembers() throws Exception {
    List<MemberOars> cohort = new ArrayList<>();
    for (Member m : DemoCohort.members(DemoCohort.DEFAULT_SIZE, 1)) {
      Path study = dir.resolve(m.patientId());
      DemoCohort.write(study, m, 1);
      cohort.add(new MemberOars(m, m.anatomy().targets().get(0).doseGy(), oars(m, study)));
    }
    Map<String, List<String>> flagged = new TreeMap<>();
    Map<String, List<String>> expected = new TreeMap<>();
    StringBuilder report = new StringBuilder();
    for (MemberOars q : cohort) {
      if (q.member().overdosed()) {
        expected.put(q.member().patientId(), List.of());
      }
      for (OarReview.OarPlan organ : q.oars().values()) {
        String oar = organ.studyKey().substring(organ.studyKey().indexOf('/') + 1);
        List<OarReview.OarPlan> candidates = new ArrayList<>();
        for (MemberOars h : cohort) {
          OarReview.OarPlan theirs = h.oars().get(oar);
          if (h != q && theirs != null && Math.abs(q.rxGy() - h.rxGy()) <= 1) {
            candidates.add(theirs);
          }
        }
        OarReview.Result r =
            OarReview.review(oar, organ, candidates, OarReview.Geometry.WHOLE_OVH, 3, 5);
        if (r.flagged()) {
          flagged.computeIfAbsent(q.member().patientId(), k -> new ArrayList<>()).add(oar);
        }
        report.append(
            String.format(
                Locale.ROOT,
                "%-30s r50 %6.1f mm D50 %6.2f Gy, achievable %6.2f Gy (%s, %d plans)%s%n",
                organ.studyKey(),
                organ.r50Mm(),
                organ.d50Gy(),
                r.achievable().achievableGy(),
                r.achievable().evidenceStudyKey(),
                r.achievable().harderGeometry().size(),
                r.flagged() ? " FLAGGED" : ""));
      }
    }
    System.out.print(report);
    assertThat(flagged.keySet()).as(flagged.toString()).isEqualTo(expected.keySet());
  }

  /** Per TG-263 organ: r_v per target level (from the OVH CSV) and the DVH doses. */
  private static Map<String, OarReview.OarPlan> oars(Member m, Path study) {
    OvhCli.Result ovh = OvhCli.run(study);
    assertThat(ovh.status()).as(ovh.err()).isZero();
    List<String> levels = m.anatomy().targets().stream().map(t -> t.roiName()).toList();
    Map<String, String> standardByRoi = new HashMap<>();
    Map<String, Map<String, double[]>> rv = new HashMap<>();
    for (OvhCli.Row row : ovh.rows()) {
      if (row.quantity().matches("r[0-9]+") && !row.oarStandardName().isEmpty()) {
        String level =
            row.ptv().equals(OvhInputs.UNION_NAME)
                ? "PTV_All"
                : levels.indexOf(row.ptv()) == 0
                    ? "PTV_High"
                    : levels.indexOf(row.ptv()) == levels.size() - 1 ? "PTV_Low" : "PTV_Mid";
        standardByRoi.put(row.oar(), row.oarStandardName());
        int v = Integer.parseInt(row.quantity().substring(1)) / 5 - 1;
        rv.computeIfAbsent(row.oarStandardName(), k -> new HashMap<>())
                .computeIfAbsent(level, k -> new double[20])[v] =
            Double.parseDouble(row.value());
      }
    }
    Cli.Result dvh = Cli.run(study, "--metrics", "D50%,Dmean,D0.03cc");
    assertThat(dvh.status()).as(dvh.err()).isZero();
    Map<String, double[]> doses = new HashMap<>();
    String[] lines = dvh.out().split("\n");
    for (int i = 1; i < lines.length; i++) {
      List<String> f = Cli.fields(lines[i]);
      String standard = standardByRoi.get(f.get(1));
      if (standard != null && !f.get(3).isEmpty()) {
        double[] d = doses.computeIfAbsent(standard, k -> new double[3]);
        int at = List.of("Dmean", "D50%", "D0.03cc").indexOf(f.get(2));
        if (at >= 0) {
          d[at] = Double.parseDouble(f.get(3));
        }
      }
    }
    Map<String, OarReview.OarPlan> out = new TreeMap<>();
    rv.forEach(
        (oar, byLevel) -> {
          double[] d = doses.get(oar);
          out.put(
              oar,
              new OarReview.OarPlan(
                  m.patientId() + "/" + oar, byLevel, "PTV_All", d[0], d[1], d[2]));
        });
    return out;
  }
}
