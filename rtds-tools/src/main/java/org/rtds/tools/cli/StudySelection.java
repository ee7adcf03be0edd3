package org.rtds.tools.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rtds.features.dose.inputs.StudyInputException;
import org.rtds.features.dose.inputs.StudyInputException.Kind;
import org.rtds.ingest.control.ParsedInstance;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.StructureSet;

/**
 * Picks one study's objects out of what a folder holds: exactly one RT Structure Set; the CT series
 * it references (or the only CT series, or the only one in its frame of reference); the RT Doses
 * with a dose grid in the structure set's frame of reference; and the RT Plan that references the
 * structure set (or the only plan, or the one the doses reference). Objects that are left out are
 * reported in {@link #notes()}. A command that needs the geometry only ({@link Needs#GEOMETRY},
 * {@code ./rtds ovh}) selects the structure set and its CT series and leaves RT Doses and RT Plans
 * out.
 *
 * @param structureSet the RT Structure Set
 * @param ctSlices the CT slices of one series, in any order
 * @param doses RT Doses with a dose grid (one PLAN dose, or the BEAM/FRACTION doses to combine);
 *     empty for {@link Needs#GEOMETRY}
 * @param plan the RT Plan, when there is one (always empty for {@link Needs#GEOMETRY})
 * @param notes what was left out and why
 */
public record StudySelection(
    StructureSet structureSet,
    List<CtSlice> ctSlices,
    List<Dose> doses,
    Optional<Plan> plan,
    List<String> notes) {

  /** Copies the lists. */
  public StudySelection {
    ctSlices = List.copyOf(ctSlices);
    doses = List.copyOf(doses);
    notes = List.copyOf(notes);
  }

  /** What the command needs besides the structure set and its CT series. */
  public enum Needs {
    /** The dose too (and the plan when there is one): {@code ./rtds dvh}. */
    DOSE,
    /** Nothing else: RT Doses and RT Plans are not looked at ({@code ./rtds ovh}). */
    GEOMETRY
  }

  /**
   * @param instances everything read from the folder
   * @return the selected study, with its dose ({@link Needs#DOSE})
   * @throws StudyInputException ({@link Kind#INCOMPLETE}) when a CT, an RTSTRUCT or an RTDOSE is
   *     missing, or the choice is ambiguous
   */
  public static StudySelection select(List<ParsedInstance> instances) throws StudyInputException {
    return select(instances, Needs.DOSE);
  }

  /**
   * @param instances everything read from the folder
   * @param needs whether the dose is needed
   * @return the selected study
   * @throws StudyInputException ({@link Kind#INCOMPLETE}) when a CT or an RTSTRUCT (or, with {@link
   *     Needs#DOSE}, an RTDOSE) is missing, or the choice is ambiguous
   */
  public static StudySelection select(List<ParsedInstance> instances, Needs needs)
      throws StudyInputException {
    List<String> notes = new ArrayList<>();
    List<StructureSet> structureSets = ofType(instances, StructureSet.class);
    if (structureSets.isEmpty()) {
      throw new StudyInputException(Kind.INCOMPLETE, "no RT Structure Set (RTSTRUCT) found");
    }
    if (structureSets.size() > 1) {
      throw new StudyInputException(
          Kind.INCOMPLETE,
          structureSets.size()
              + " RT Structure Sets found ("
              + String.join(
                  ", ",
                  structureSets.stream()
                      .map(s -> "'" + s.label() + "' " + s.header().sopInstanceUid())
                      .toList())
              + "); put the objects of one study, with one structure set, in the folder");
    }
    StructureSet rs = structureSets.get(0);
    Optional<String> frame = rs.header().frameOfReferenceUid();
    List<CtSlice> ct = ctSeries(ofType(instances, CtSlice.class), rs, notes);
    if (needs == Needs.GEOMETRY) {
      return new StudySelection(rs, ct, List.of(), Optional.empty(), notes);
    }

    List<Dose> doses = new ArrayList<>();
    int doseObjects = 0;
    for (Dose d : ofType(instances, Dose.class)) {
      doseObjects++;
      if (d.frames().isEmpty()) {
        notes.add(
            "RT Dose " + d.header().sopInstanceUid() + " holds DVHs only, no dose grid: not used");
      } else if (differs(frame, d.header().frameOfReferenceUid())) {
        notes.add(
            "RT Dose "
                + d.header().sopInstanceUid()
                + " is in frame of reference "
                + d.header().frameOfReferenceUid().get()
                + ", not the structure set's "
                + frame.get()
                + ": not used");
      } else {
        doses.add(d);
      }
    }
    if (doses.isEmpty()) {
      throw new StudyInputException(
          Kind.INCOMPLETE,
          doseObjects == 0
              ? "no RT Dose (RTDOSE) found"
              : "no usable RT Dose: " + String.join("; ", notes));
    }
    return new StudySelection(
        rs, ct, doses, plan(ofType(instances, Plan.class), rs, doses, notes), notes);
  }

  private static List<CtSlice> ctSeries(List<CtSlice> all, StructureSet rs, List<String> notes)
      throws StudyInputException {
    if (all.isEmpty()) {
      throw new StudyInputException(Kind.INCOMPLETE, "no CT images found");
    }
    Map<String, List<CtSlice>> bySeries = new LinkedHashMap<>();
    for (CtSlice s : all) {
      bySeries
          .computeIfAbsent(s.header().series().seriesInstanceUid(), k -> new ArrayList<>())
          .add(s);
    }
    Optional<String> referenced = rs.referencedSeriesInstanceUid();
    List<CtSlice> chosen;
    if (referenced.isPresent() && bySeries.containsKey(referenced.get())) {
      chosen = bySeries.get(referenced.get());
    } else {
      Optional<String> frame = rs.header().frameOfReferenceUid();
      List<List<CtSlice>> candidates =
          bySeries.values().stream()
              .filter(series -> !differs(frame, series.get(0).header().frameOfReferenceUid()))
              .toList();
      if (candidates.size() != 1) {
        throw new StudyInputException(
            Kind.INCOMPLETE,
            (referenced.isPresent()
                    ? "the structure set was drawn on CT series "
                        + referenced.get()
                        + ", which is not in the folder, and "
                    : "the structure set names no CT series and ")
                + candidates.size()
                + " of the "
                + bySeries.size()
                + " CT series found ("
                + String.join(", ", bySeries.keySet())
                + ") are in its frame of reference");
      }
      chosen = candidates.get(0);
      if (referenced.isPresent()) {
        notes.add(
            "the structure set was drawn on CT series "
                + referenced.get()
                + "; using series "
                + chosen.get(0).header().series().seriesInstanceUid()
                + " of the same frame of reference");
      }
    }
    if (bySeries.size() > 1) {
      notes.add(
          "using CT series "
              + chosen.get(0).header().series().seriesInstanceUid()
              + " ("
              + chosen.size()
              + " images); "
              + (bySeries.size() - 1)
              + " other CT series ignored");
    }
    Optional<String> ctFrame = chosen.get(0).header().frameOfReferenceUid();
    if (differs(rs.header().frameOfReferenceUid(), ctFrame)) {
      throw new StudyInputException(
          Kind.INCOMPLETE,
          "the structure set's frame of reference "
              + rs.header().frameOfReferenceUid().get()
              + " differs from the CT series' "
              + ctFrame.get());
    }
    return chosen;
  }

  private static Optional<Plan> plan(
      List<Plan> plans, StructureSet rs, List<Dose> doses, List<String> notes) {
    if (plans.isEmpty()) {
      return Optional.empty();
    }
    String rsUid = rs.header().sopInstanceUid();
    List<Plan> onThisStructureSet =
        plans.stream().filter(p -> rsUid.equals(p.referencedStructureSetUid())).toList();
    if (onThisStructureSet.size() == 1) {
      return Optional.of(onThisStructureSet.get(0));
    }
    if (plans.size() == 1) {
      return Optional.of(plans.get(0));
    }
    List<Plan> referencedByDose =
        plans.stream()
            .filter(
                p ->
                    doses.stream()
                        .anyMatch(d -> p.header().sopInstanceUid().equals(d.referencedPlanUid())))
            .toList();
    if (referencedByDose.size() == 1) {
      return Optional.of(referencedByDose.get(0));
    }
    notes.add(
        plans.size()
            + " RT Plans found and none is the structure set's or the doses' only plan: no plan used"
            + " (prescription and fractions unknown)");
    return Optional.empty();
  }

  private static boolean differs(Optional<String> a, Optional<String> b) {
    return a.isPresent() && b.isPresent() && !Objects.equals(a.get(), b.get());
  }

  private static <T> List<T> ofType(List<ParsedInstance> instances, Class<T> type) {
    return instances.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
