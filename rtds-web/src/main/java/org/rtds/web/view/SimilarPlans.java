package org.rtds.web.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.features.knowledge.TargetLevels;

/**
 * The rows and filters of the similar-plans page, pure Java: one row per historical plan of the
 * knowledge base's ranking on one organ, with that organ's r50 (mm) and achieved doses (Gy), and
 * the page's filters applied in the view over the ranked list (the boundary ranks, the page only
 * hides rows: a filtered row keeps its rank).
 */
public final class SimilarPlans {

  private SimilarPlans() {}

  /** Which hospitals' plans a filter keeps. */
  public enum Hospital {
    /** every hospital's */
    ALL,
    /** those the caller's own hospital sent */
    OWN,
    /** those of other hospitals */
    OTHER;

    /**
     * @param value {@code all}, {@code own} or {@code other} (any case), or null/blank for all
     * @return the choice
     * @throws IllegalArgumentException for anything else
     */
    public static Hospital parse(String value) {
      if (value == null || value.isBlank()) {
        return ALL;
      }
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One historical plan as the page shows it.
   *
   * @param rank 1 = most similar (the boundary's rank on the chosen organ)
   * @param score the similarity score (dimensionless, lower = more similar)
   * @param identifiable whether the caller may see the patient
   * @param studyKey the StudyInstanceUID when identifiable, else the de-identified key (KB-…)
   * @param studyInstanceUid null unless identifiable
   * @param patientName the name as people write it ("Family, Given"), null unless identifiable
   * @param patientId null unless identifiable
   * @param ownHospital whether the caller's own hospital sent it
   * @param prescriptionGy its prescription (Gy), null when unknown
   * @param ptvVolumeCc its largest PTV's volume (cc), null when unknown
   * @param r50Mm the organ's r50 relative to the union of its targets (mm), null when unknown
   * @param dmeanGy the organ's mean dose in that plan (Gy), null when unknown
   * @param d50Gy the organ's D50% in that plan (Gy), null when unknown
   * @param targetDoseDiffGy this study's prescription minus the plan's (Gy)
   */
  public record Row(
      int rank,
      double score,
      boolean identifiable,
      String studyKey,
      String studyInstanceUid,
      String patientName,
      String patientId,
      boolean ownHospital,
      Double prescriptionGy,
      Double ptvVolumeCc,
      Double r50Mm,
      Double dmeanGy,
      Double d50Gy,
      double targetDoseDiffGy)
      implements Serializable {

    /** What the patient column shows and sorts by: the name, else the ID, else the key. */
    public String patient() {
      if (!identifiable) {
        return studyKey;
      }
      return patientName != null && !patientName.isBlank()
          ? patientName
          : patientId != null ? patientId : studyKey;
    }
  }

  /**
   * The rows of a ranking on one organ.
   *
   * @param ranked the knowledge base's ranking, best first
   * @param oar the organ (TG-263 name) whose r50 and doses the rows carry
   * @return one row per plan, in the ranking's order
   */
  public static List<Row> rows(List<KnowledgeBase.Similar> ranked, String oar) {
    List<Row> rows = new ArrayList<>(ranked.size());
    for (KnowledgeBase.Similar s : ranked) {
      KnowledgeBase.OarMatch m = match(s.oars(), oar);
      KnowledgeBase.StudyRef ref = s.study();
      rows.add(
          new Row(
              s.rank(),
              s.score(),
              ref.identifiable(),
              ref.studyKey(),
              ref.studyInstanceUid(),
              ref.identifiable() ? emptyToNull(PersonNames.display(ref.patientName())) : null,
              ref.identifiable() ? ref.patientId() : null,
              ref.ownHospital(),
              ref.prescriptionGy(),
              ref.ptvVolumeCc(),
              m == null ? null : m.r50Mm(),
              m == null ? null : m.achievedDmeanGy(),
              m == null ? null : m.achievedD50Gy(),
              s.targetDoseDiffGy()));
    }
    return rows;
  }

  /**
   * The organ's match: the one relative to the union of the targets when there is one (its r50 and
   * doses are the organ's, the same for every target level).
   */
  static KnowledgeBase.OarMatch match(List<KnowledgeBase.OarMatch> oars, String oar) {
    KnowledgeBase.OarMatch found = null;
    for (KnowledgeBase.OarMatch m : oars) {
      if (m.oar().equalsIgnoreCase(oar)) {
        if (TargetLevels.ALL.equals(m.ptv())) {
          return m;
        }
        if (found == null) {
          found = m;
        }
      }
    }
    return found;
  }

  /**
   * The page's filters; a null bound is no bound. A row whose value is unknown is hidden by a bound
   * on that value (it cannot be shown to lie within it).
   *
   * @param hospital which hospitals' plans
   * @param maxScore similarity score at most this (lower = more similar)
   * @param doseMinGy the organ's Dmean at least this (Gy)
   * @param doseMaxGy the organ's Dmean at most this (Gy)
   * @param prescriptionMinGy prescription at least (Gy)
   * @param prescriptionMaxGy prescription at most (Gy)
   * @param ptvMinCc largest PTV's volume at least (cc)
   * @param ptvMaxCc largest PTV's volume at most (cc)
   */
  public record Filter(
      Hospital hospital,
      Double maxScore,
      Double doseMinGy,
      Double doseMaxGy,
      Double prescriptionMinGy,
      Double prescriptionMaxGy,
      Double ptvMinCc,
      Double ptvMaxCc)
      implements Serializable {

    /** No filter: every row. */
    public static final Filter NONE =
        new Filter(Hospital.ALL, null, null, null, null, null, null, null);

    /**
     * @param hospital null for every hospital's
     */
    public Filter {
      hospital = hospital == null ? Hospital.ALL : hospital;
    }

    /**
     * @param row a plan
     * @return whether the filter keeps it
     */
    public boolean test(Row row) {
      return switch (hospital) {
            case ALL -> true;
            case OWN -> row.ownHospital();
            case OTHER -> !row.ownHospital();
          }
          && atMost(row.score(), maxScore)
          && within(row.dmeanGy(), doseMinGy, doseMaxGy)
          && within(row.prescriptionGy(), prescriptionMinGy, prescriptionMaxGy)
          && within(row.ptvVolumeCc(), ptvMinCc, ptvMaxCc);
    }

    /**
     * @param rows plans, in the ranking's order
     * @return those the filter keeps, in the same order
     */
    public List<Row> apply(List<Row> rows) {
      return rows.stream().filter(this::test).toList();
    }

    /** Whether any filter is set. */
    public boolean active() {
      return !equals(NONE);
    }

    private static boolean atMost(double value, Double max) {
      return max == null || value <= max;
    }

    private static boolean within(Double value, Double min, Double max) {
      if (min == null && max == null) {
        return true;
      }
      return value != null && (min == null || value >= min) && (max == null || value <= max);
    }
  }

  /**
   * A filter value typed by a person: a decimal number with a point or a comma, or blank.
   *
   * @param text the field's text
   * @return the number, null when blank
   * @throws NumberFormatException when it is not a finite number
   */
  public static Double number(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    double v = Double.parseDouble(text.strip().replace(',', '.'));
    if (!Double.isFinite(v)) {
      throw new NumberFormatException("not a finite number: " + text);
    }
    return v;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
