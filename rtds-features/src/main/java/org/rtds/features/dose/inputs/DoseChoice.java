package org.rtds.features.dose.inputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.rtds.features.dose.inputs.StudyInputException.Kind;

/**
 * Decides which RT Doses of a study make its total dose, and the factor that turns each one's
 * values (stored value × DoseGridScaling) into Gy of the whole treatment. The one rule for the
 * server and {@code ./rtds dvh}:
 *
 * <ol>
 *   <li>When an RT Plan is known and some doses reference it, only those are considered (the others
 *       are noted as ignored).
 *   <li>A dose of the whole plan ({@code PLAN}, {@code MULTI_PLAN}, {@code BRACHY}; a missing
 *       DoseSummationType counts as {@code PLAN}) is used as it is.
 *   <li>Otherwise the {@code BEAM} doses of one plan are summed voxel by voxel (the caller sums the
 *       grids, which must share one geometry).
 *   <li>Otherwise one {@code FRACTION} dose is multiplied by the plan's NumberOfFractionsPlanned
 *       (refused without an RT Plan that gives it).
 *   <li>{@code CONTROL_POINT} and other partial doses, and DoseType {@code ERROR}, are refused.
 * </ol>
 *
 * DoseUnits {@code GY} is taken as it is; {@code RELATIVE} (percent of a reference dose) is
 * converted with the plan's prescription, Gy = value / 100 × Rx; any other unit is refused.
 *
 * <p>Several candidates of one kind (two whole-plan doses, BEAM doses of two plans, one beam number
 * twice, two FRACTION doses) are what {@link Ambiguity} says: {@link Ambiguity#REFUSE} (the command
 * line: the user keeps the right objects in the folder) or {@link Ambiguity#NEWEST} (the server:
 * the newest arrival wins, since a corrected dose is sent again under a new UID). Either way the
 * choice is written into the notes.
 */
public final class DoseChoice {

  private DoseChoice() {}

  /** What to do with several candidates of the same kind. */
  public enum Ambiguity {
    /** Refuse with {@link Kind#INCOMPLETE}, naming the candidates. */
    REFUSE,
    /** Use the newest (the first of the candidates, which are given newest first). */
    NEWEST
  }

  /**
   * What is known about one RT Dose, as stored (strings may be null or blank).
   *
   * @param sopInstanceUid its SOP Instance UID
   * @param summationType DoseSummationType (3004,000A)
   * @param doseUnits DoseUnits (3004,0002): GY or RELATIVE
   * @param doseType DoseType (3004,0004): PHYSICAL, EFFECTIVE or ERROR
   * @param referencedPlanUid the referenced RT Plan's SOP Instance UID
   * @param referencedBeamNumber the referenced beam number of a BEAM dose
   */
  public record Dose(
      String sopInstanceUid,
      String summationType,
      String doseUnits,
      String doseType,
      String referencedPlanUid,
      String referencedBeamNumber) {}

  /**
   * What is known about the study's RT Plan.
   *
   * @param sopInstanceUid its SOP Instance UID
   * @param prescriptionGy the prescription (Gy), empty when unknown or not positive
   * @param fractionsPlanned NumberOfFractionsPlanned, empty when unknown or below 1
   */
  public record Plan(
      String sopInstanceUid, OptionalDouble prescriptionGy, OptionalInt fractionsPlanned) {

    /**
     * @param sopInstanceUid the plan's UID
     * @param prescriptionGy the prescription in Gy, or null; values ≤ 0 count as unknown
     * @param fractions NumberOfFractionsPlanned, or null; values < 1 count as unknown
     * @return the plan facts
     */
    public static Plan of(String sopInstanceUid, Double prescriptionGy, Integer fractions) {
      return new Plan(
          sopInstanceUid,
          prescriptionGy != null && prescriptionGy > 0 && Double.isFinite(prescriptionGy)
              ? OptionalDouble.of(prescriptionGy)
              : OptionalDouble.empty(),
          fractions != null && fractions >= 1 ? OptionalInt.of(fractions) : OptionalInt.empty());
    }
  }

  /**
   * One dose of the total with its factor.
   *
   * @param index the dose's index in the list given to {@link #choose}
   * @param dose the dose
   * @param gyPerUnit multiply (stored value × DoseGridScaling) by this to get Gy of the treatment
   */
  public record Part(int index, Dose dose, double gyPerUnit) {}

  /**
   * The decision.
   *
   * @param parts the doses to add up (one, or the beams of one plan)
   * @param description how the total dose is made, e.g. "PLAN dose 1.2.3", "sum of 3 BEAM doses of
   *     plan 1.2.3", "FRACTION dose 1.2.3 × 30 fractions"
   * @param notes what was ignored or converted, and why
   */
  public record Choice(List<Part> parts, String description, List<String> notes) {

    /** Copies the lists. */
    public Choice {
      parts = List.copyOf(parts);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Chooses the doses of the total dose.
   *
   * @param newestFirst the study's RT Doses that hold a dose grid, newest first
   * @param plan the study's RT Plan, if any
   * @param ambiguity what several candidates of one kind mean
   * @return the doses to sum and their factors
   * @throws StudyInputException when no dose can be evaluated (see class doc)
   */
  public static Choice choose(List<Dose> newestFirst, Optional<Plan> plan, Ambiguity ambiguity)
      throws StudyInputException {
    Objects.requireNonNull(ambiguity, "ambiguity");
    List<String> notes = new ArrayList<>();
    if (newestFirst.isEmpty()) {
      throw new StudyInputException(Kind.INCOMPLETE, "no RT Dose with a dose grid");
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      candidates.add(i);
    }
    if (plan.isPresent()) {
      String planUid = plan.get().sopInstanceUid();
      List<Integer> ofPlan =
          candidates.stream()
              .filter(i -> Objects.equals(planUid, newestFirst.get(i).referencedPlanUid()))
              .toList();
      if (!ofPlan.isEmpty() && ofPlan.size() < candidates.size()) {
        notes.add(
            (candidates.size() - ofPlan.size())
                + " RT Dose(s) that do not reference RT Plan "
                + planUid
                + " ignored");
        candidates = ofPlan;
      }
    }
    List<Integer> whole = new ArrayList<>();
    List<Integer> beams = new ArrayList<>();
    List<Integer> fractions = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (int i : candidates) {
      Dose d = newestFirst.get(i);
      String type = summationType(d);
      if (blank(d.summationType())) {
        notes.add("RT Dose " + d.sopInstanceUid() + " has no DoseSummationType: taken as PLAN");
      }
      switch (type) {
        case "PLAN", "MULTI_PLAN", "BRACHY" -> whole.add(i);
        case "BEAM" -> beams.add(i);
        case "FRACTION" -> fractions.add(i);
        default -> other.add(type);
      }
    }
    OptionalDouble rx = plan.map(Plan::prescriptionGy).orElse(OptionalDouble.empty());
    if (!whole.isEmpty()) {
      int chosen = single(whole, newestFirst, "RT Doses of a whole plan", ambiguity, notes);
      if (!beams.isEmpty() || !fractions.isEmpty()) {
        notes.add(
            "using the "
                + summationType(newestFirst.get(chosen))
                + " dose; "
                + (beams.size() + fractions.size())
                + " BEAM/FRACTION dose(s) ignored");
      }
      Dose d = newestFirst.get(chosen);
      return new Choice(
          List.of(new Part(chosen, d, gyPerUnit(d, rx, notes))),
          summationType(d) + " dose " + d.sopInstanceUid(),
          notes);
    }
    if (!beams.isEmpty()) {
      return beamSum(beams, newestFirst, rx, ambiguity, notes);
    }
    if (!fractions.isEmpty()) {
      int chosen = single(fractions, newestFirst, "FRACTION doses", ambiguity, notes);
      Dose d = newestFirst.get(chosen);
      OptionalInt n = plan.map(Plan::fractionsPlanned).orElse(OptionalInt.empty());
      if (n.isEmpty()) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            "RT Dose "
                + d.sopInstanceUid()
                + " is the dose of one FRACTION; the total needs NumberOfFractionsPlanned from an"
                + " RT Plan, and "
                + (plan.isPresent() ? "the RT Plan does not give it" : "there is no RT Plan"));
      }
      notes.add("FRACTION dose multiplied by " + n.getAsInt() + " fractions (RT Plan)");
      return new Choice(
          List.of(new Part(chosen, d, n.getAsInt() * gyPerUnit(d, rx, notes))),
          "FRACTION dose " + d.sopInstanceUid() + " × " + n.getAsInt() + " fractions",
          notes);
    }
    throw new StudyInputException(
        Kind.UNSUPPORTED,
        "no RT Dose of a whole plan, of its beams or of one fraction: DoseSummationType "
            + String.join(", ", new LinkedHashSet<>(other))
            + " cannot be evaluated");
  }

  private static Choice beamSum(
      List<Integer> beams,
      List<Dose> newestFirst,
      OptionalDouble rx,
      Ambiguity ambiguity,
      List<String> notes)
      throws StudyInputException {
    Map<String, List<Integer>> byPlan = new LinkedHashMap<>();
    for (int i : beams) {
      byPlan
          .computeIfAbsent(
              String.valueOf(newestFirst.get(i).referencedPlanUid()), k -> new ArrayList<>())
          .add(i);
    }
    if (byPlan.size() > 1) {
      if (ambiguity == Ambiguity.REFUSE) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            "BEAM doses of "
                + byPlan.size()
                + " plans found ("
                + String.join(", ", byPlan.keySet())
                + "); keep one plan's doses");
      }
      notes.add(
          "BEAM doses of "
              + byPlan.size()
              + " plans found: those of the newest, plan "
              + byPlan.keySet().iterator().next()
              + ", used");
    }
    String planUid = byPlan.keySet().iterator().next();
    List<Integer> ofPlan = byPlan.get(planUid);
    Map<String, Integer> byBeam = new LinkedHashMap<>();
    List<Integer> used = new ArrayList<>();
    for (int i : ofPlan) {
      Dose d = newestFirst.get(i);
      String beam = blank(d.referencedBeamNumber()) ? null : d.referencedBeamNumber().trim();
      if (beam != null && byBeam.containsKey(beam)) {
        if (ambiguity == Ambiguity.REFUSE) {
          throw new StudyInputException(
              Kind.INCOMPLETE,
              "two BEAM doses for beam "
                  + beam
                  + " ("
                  + newestFirst.get(byBeam.get(beam)).sopInstanceUid()
                  + ", "
                  + d.sopInstanceUid()
                  + ")");
        }
        notes.add(
            "two BEAM doses for beam "
                + beam
                + ": the newest, "
                + newestFirst.get(byBeam.get(beam)).sopInstanceUid()
                + ", used; "
                + d.sopInstanceUid()
                + " ignored");
        continue;
      }
      if (beam != null) {
        byBeam.put(beam, i);
      }
      used.add(i);
    }
    List<Part> parts = new ArrayList<>();
    for (int i : used) {
      Dose d = newestFirst.get(i);
      parts.add(new Part(i, d, gyPerUnit(d, rx, notes)));
    }
    return new Choice(parts, "sum of " + parts.size() + " BEAM dose(s) of plan " + planUid, notes);
  }

  private static int single(
      List<Integer> indices,
      List<Dose> newestFirst,
      String what,
      Ambiguity ambiguity,
      List<String> notes)
      throws StudyInputException {
    if (indices.size() == 1) {
      return indices.get(0);
    }
    String uids =
        String.join(", ", indices.stream().map(i -> newestFirst.get(i).sopInstanceUid()).toList());
    if (ambiguity == Ambiguity.REFUSE) {
      throw new StudyInputException(
          Kind.INCOMPLETE,
          indices.size() + " " + what + " found (" + uids + "); keep the one to evaluate");
    }
    notes.add(indices.size() + " " + what + " (" + uids + "): the newest used");
    return indices.get(0);
  }

  /**
   * The factor from a dose's units to Gy.
   *
   * @param d the dose
   * @param rx the prescription (Gy), needed for RELATIVE doses
   * @param notes receives the conversion applied
   * @return 1 for GY, Rx/100 for RELATIVE
   * @throws StudyInputException for DoseType ERROR, a RELATIVE dose without a prescription, or
   *     another unit
   */
  static double gyPerUnit(Dose d, OptionalDouble rx, List<String> notes)
      throws StudyInputException {
    String uid = d.sopInstanceUid();
    if ("ERROR".equalsIgnoreCase(trim(d.doseType()))) {
      throw new StudyInputException(
          Kind.UNSUPPORTED, "RT Dose " + uid + " has DoseType ERROR: it is not a dose");
    }
    String units = trim(d.doseUnits()).toUpperCase(Locale.ROOT);
    switch (units) {
      case "GY" -> {
        return 1.0;
      }
      case "RELATIVE" -> {
        if (rx.isEmpty()) {
          throw new StudyInputException(
              Kind.INCOMPLETE,
              "RT Dose "
                  + uid
                  + " has DoseUnits RELATIVE (percent of a reference dose); converting it to Gy"
                  + " needs the prescription (TargetPrescriptionDose) of an RT Plan, and none was"
                  + " found");
        }
        notes.add(
            String.format(
                Locale.ROOT,
                "RT Dose %s has DoseUnits RELATIVE: converted to Gy as percent of the RT Plan's"
                    + " prescription %.4f Gy",
                uid,
                rx.getAsDouble()));
        return rx.getAsDouble() / 100.0;
      }
      default ->
          throw new StudyInputException(
              Kind.UNSUPPORTED,
              "RT Dose " + uid + " has DoseUnits '" + units + "'; GY or RELATIVE expected");
    }
  }

  private static String summationType(Dose d) {
    String t = trim(d.summationType()).toUpperCase(Locale.ROOT);
    return t.isEmpty() ? "PLAN" : t;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
