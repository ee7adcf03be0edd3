package org.rtds.ingest.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the ROI names clinics write ("Lt Parotid", "cord+5mm", "PTV_7000", "z_opt_ring") to AAPM
 * TG-263 standard names and to a role (target, organ at risk, outline, other), so that ROIs of
 * different patients, planners and hospitals can be compared (docs/algorithms.md §7 item 5). The
 * original name is always kept; a name that is not recognised keeps an empty standard name and is
 * shown as written.
 *
 * <h2>Precedence</h2>
 *
 * The first rule that applies decides:
 *
 * <ol>
 *   <li><b>Planning helper</b> → {@link RoiRole#OTHER}, no standard name: TG-263's {@code z} or
 *       {@code _} prefix, a helper word (ring, opt, avoid, hot, cold, shell, dummy, isodose …) or a
 *       percentage. A helper built from a target or an organ ({@code zPTV70}, {@code PTV-ring},
 *       {@code Avoid_Parotid}) must never be evaluated as that target or organ.
 *   <li><b>Organ minus target</b> ({@code Lungs-GTV}, {@code Liver-CTV}, TG-263 lists these) →
 *       {@link RoiRole#OAR}, standard name {@code <organ>-<target type>}; the outline minus a
 *       target ({@code Body-PTV}, normal tissue) → {@link RoiRole#OTHER}.
 *   <li><b>Target grammar</b> (TG-263 §8.2): a name that starts with PTV, PTV!, CTV, GTV, ITV, IGTV
 *       or ICTV (optionally after HR/IR/LR/High/Low/Mid/Eval/Boost/SIB) is that target; the
 *       standard name is the type, the dose level is read from the rest of the name (below). A
 *       target plus a margin or another structure ({@code PTV+5mm}, {@code GTV+CTV}) is a derived
 *       planning structure → {@link RoiRole#OTHER}. A target minus an organ ({@code PTV70-Cord}) or
 *       a cropped target ({@code PTV-03}) stays a target.
 *   <li><b>PRV</b> ({@code Cord_PRV5}, {@code cord+5mm}, {@code PRV Brainstem 3 mm}): an organ at
 *       risk plus a margin → {@link RoiRole#OAR}, standard name by TG-263 guiding principle 10 and
 *       7: {@code <organ>_PRV<mm, two digits>_<side>} ({@code SpinalCord_PRV05}, {@code
 *       Parotid_PRV04_L}); one digit, then none, when two would exceed 16 characters ({@code
 *       OpticChiasm_PRV3}), but two when even none would fit; no digits when the margin is not a
 *       whole number of mm. A margin without a unit is in mm. A PRV of an unknown organ is an OAR
 *       without a standard name.
 *   <li><b>Synonym table</b> ({@link RoiSynonymTable}): organs, outline, support structures, with
 *       sides and TG-263's partial-structure {@code ~} and custom-qualifier {@code ^} marks.
 *   <li><b>Unknown name</b>: standard name empty, role from the RT ROI Interpreted Type
 *       (3006,00A4): PTV, CTV, GTV (and ITV, which some systems write) → that target, with a dose
 *       level read from the name; ORGAN → OAR; EXTERNAL → EXTERNAL; every other type (AVOIDANCE,
 *       CONTROL, MARKER, ISOCENTER, SUPPORT, FIXATION, BOLUS, REGISTRATION, CAVITY, BRACHY_…,
 *       DOSE_REGION …) or none → OTHER.
 * </ol>
 *
 * <h2>Dose level of a target</h2>
 *
 * Read from the name after the target type; the result is in Gy with the precision written:
 *
 * <ul>
 *   <li>{@code Gy} or {@code cGy} written after the number is taken as written: {@code PTV_50.4Gy}
 *       and {@code PTV_50p4Gy} (TG-263's 'p' for a decimal point) → 50.4 Gy, {@code CTV 5040cGy} →
 *       50.40 Gy.
 *   <li>A bare number of 100 or more is cGy, TG-263's recommended unit: {@code PTV_7000} → 70.00
 *       Gy, {@code PTVn_5600} → 56.00 Gy. A bare number from 10 to below 100 is Gy, the clinical
 *       shorthand: {@code PTV70} → 70 Gy, {@code PTV 54.25} → 54.25 Gy. No prescription is 100 Gy
 *       or more, and none is written as less than 100 cGy, so the two ranges cannot be confused.
 *   <li>Not doses: bare numbers below 10 (enumerators: PTV1, GTVp2; a dose below 10 Gy needs its
 *       unit, {@code PTV_8Gy}), numbers with a leading zero (PTV_Mid01, the crop margin of {@code
 *       PTV-03}), numbers of 10000 or more, numbers followed by mm or cm (margins), and numbers
 *       glued to a preceding letter (GTV_N1, _CT2, _Phase12).
 *   <li>{@code x n} after a dose per fraction gives the total (TG-263 §8.2 rule 7): {@code
 *       PTV_Liver_2000x3} → 20.00 Gy × 3 = 60.00 Gy.
 *   <li>Relative levels ({@code PTV_High}, {@code _Mid}, {@code _Low}, TG-263's recommendation) and
 *       names with two different doses ({@code PTV_70_63}) give none.
 * </ul>
 *
 * <p>This is the level the planner wrote in the name; the prescription itself comes from the RT
 * Plan (docs/algorithms.md §3.4, TargetPrescriptionDose).
 *
 * <p><b>A clear name wins over a contradicting interpreted type.</b> Planning systems force types
 * (Eclipse types every structure made from a PTV as PTV, many exports type everything ORGAN), while
 * the name is what the planner chose; the contradiction is recorded in the matched rule. Two
 * documented exceptions come from the table: an {@code OAR_OR_TARGET} organ (prostate, seminal
 * vesicles, breast, brain, cervix …) typed PTV/CTV/GTV/ITV takes that target role, because the
 * organ is then the target; and {@code Skin} typed EXTERNAL is the body outline ({@code External}),
 * because some systems name the outline Skin.
 *
 * <p>Thread-safe and stateless apart from the immutable table.
 */
public final class RoiNameNormalizer {

  private static final String EXTERNAL_NAME = "External";

  private static final class StandardHolder {
    private static final RoiNameNormalizer STANDARD =
        new RoiNameNormalizer(RoiSynonymTable.bundled());
  }

  private final RoiSynonymTable table;

  /**
   * A normalizer with a given synonym table (e.g. a clinic's own, read with {@link
   * RoiSynonymTable#read}).
   */
  public RoiNameNormalizer(RoiSynonymTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** The normalizer with the bundled synonym table, created once. */
  public static RoiNameNormalizer standard() {
    return StandardHolder.STANDARD;
  }

  /** The synonym table in use. */
  public RoiSynonymTable table() {
    return table;
  }

  /**
   * Classifies one ROI.
   *
   * @param roiName the ROI Name (3006,0026) as received
   * @param rtRoiInterpretedType the RT ROI Interpreted Type (3006,00A4) of the ROI's observation,
   *     or null or blank when absent (it is type 2 in DICOM: often empty)
   * @return the classification; never null
   * @throws IllegalArgumentException if the name is null, empty or only white space (including
   *     no-break spaces): such a ROI cannot be shown or compared, and the caller must report it
   *     rather than store it
   */
  public RoiClassification classify(String roiName, String rtRoiInterpretedType) {
    if (roiName == null) {
      throw new IllegalArgumentException(
          "ROI name is missing (null); ROI Name (3006,0026) is required");
    }
    String clean = RoiNames.clean(roiName);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException(
          "ROI name is blank (\"" + roiName + "\"); ROI Name (3006,0026) must name the structure");
    }
    TypeHint type = TypeHint.of(rtRoiInterpretedType);

    Optional<String> helper = RoiNames.helperReason(clean);
    if (helper.isPresent()) {
      return byName(roiName, null, RoiRole.OTHER, "planning helper: " + helper.get(), null, type);
    }

    // TG-263 custom qualifier (Lungs^Ex): matched without it, kept on the standard name.
    int caret = clean.indexOf('^');
    String matchable = caret < 0 ? clean : clean.substring(0, caret).strip();
    String qualifier = caret < 0 ? "" : clean.substring(caret + 1).strip();
    if (RoiNames.words(matchable).isEmpty()) {
      return unknown(roiName, matchable, type, "no letters or digits");
    }

    Optional<RoiClassification> minusTarget = organMinusTarget(roiName, matchable, type);
    if (minusTarget.isPresent()) {
      return minusTarget.get();
    }
    Optional<RoiNames.Target> target = RoiNames.target(matchable);
    if (target.isPresent()) {
      return target(roiName, target.get(), type);
    }
    return prv(roiName, matchable, type)
        .or(() -> anatomy(roiName, matchable, qualifier.isEmpty() ? null : qualifier, type))
        .orElseGet(() -> unknown(roiName, matchable, type, whyNotFound(matchable)));
  }

  /** Why the synonym table has no row for a name, in words for the audit rule. */
  private String whyNotFound(String clean) {
    RoiNames.Sided sided = RoiNames.splitSide(RoiNames.words(clean.replace('~', ' ')));
    if (sided.conflicting()) {
      return "it opens with one side and closes with the other (\"" + sided.sideWords() + "\")";
    }
    if (sided.side() != null && table.unsided(RoiNames.key(sided.core())).isPresent()) {
      return "a side on a structure that the synonym table lists without sides";
    }
    return "not in the synonym table";
  }

  private Optional<RoiClassification> organMinusTarget(
      String original, String clean, TypeHint type) {
    Optional<RoiNames.OrganMinusTarget> parsed = RoiNames.organMinusTarget(clean);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<Found> organ = lookUp(parsed.get().base());
    if (organ.isEmpty()) {
      return Optional.empty();
    }
    Found found = organ.get();
    String rule = "organ minus target: " + found.describe() + " minus " + parsed.get().type();
    RoiRole role = found.entry().role().defaultRole();
    if (role == RoiRole.EXTERNAL) {
      return Optional.of(
          byName(
              original,
              null,
              RoiRole.OTHER,
              rule + " (outline minus target: normal tissue)",
              null,
              type));
    }
    if (role != RoiRole.OAR) {
      return Optional.empty();
    }
    String standard =
        found.standardName(null, null, null).map(s -> s + "-" + parsed.get().type()).orElse(null);
    return Optional.of(byName(original, standard, RoiRole.OAR, rule, null, type));
  }

  private RoiClassification target(String original, RoiNames.Target target, TypeHint type) {
    String rest = target.rest();
    String rule = "target grammar: " + target.type() + " from \"" + target.written() + "\"";
    Optional<String> helperWord = RoiNames.helperWord(RoiNames.words(rest));
    if (helperWord.isPresent()) {
      return byName(
          original,
          null,
          RoiRole.OTHER,
          rule + " with planning helper word '" + helperWord.get() + "'",
          null,
          type);
    }
    if (rest.indexOf('+') >= 0) {
      return byName(
          original,
          null,
          RoiRole.OTHER,
          rule + " with '+': a derived planning structure (expansion or union), not the target",
          null,
          type);
    }
    RoiNames.Dose dose = RoiNames.dose(rest);
    return byName(
        original, target.type(), target.role(), rule + "; " + dose.explanation(), dose.gy(), type);
  }

  private Optional<RoiClassification> prv(String original, String clean, TypeHint type) {
    Optional<RoiNames.Prv> parsed = RoiNames.prv(clean);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    RoiNames.Prv prv = parsed.get();
    String margin =
        prv.marginMm() == null
            ? "no margin written"
            : "margin " + prv.marginMm().toPlainString() + " mm";
    Optional<Found> organ = lookUp(prv.base());
    if (organ.isEmpty()) {
      return Optional.of(
          byName(
              original,
              null,
              RoiRole.OAR,
              "PRV (\""
                  + prv.written()
                  + "\", "
                  + margin
                  + ") of an organ not in the synonym table",
              null,
              type));
    }
    Found found = organ.get();
    String rule = "PRV (\"" + prv.written() + "\", " + margin + ") of " + found.describe();
    if (found.entry().role().defaultRole() != RoiRole.OAR) {
      return Optional.of(
          byName(
              original, null, RoiRole.OTHER, rule + ": a margin around a non-organ", null, type));
    }
    String standard =
        found.standardName(prvDesignator(found, prv.marginMm()), null, null).orElse(null);
    return Optional.of(byName(original, standard, RoiRole.OAR, rule, null, type));
  }

  /**
   * TG-263 PRV designator: {@code _PRV} plus the margin in mm as two digits, shortened to one digit
   * and then none when the name would exceed 16 characters; two digits again when even none would
   * fit (Glnd_Submand_PRV05_L), since the limit cannot be met and the margin is worth keeping.
   */
  private static String prvDesignator(Found found, BigDecimal marginMm) {
    Integer mm = wholeMillimetres(marginMm);
    if (mm == null) {
      return "_PRV";
    }
    String two = String.format(Locale.ROOT, "_PRV%02d", mm);
    if (fits(found, two)) {
      return two;
    }
    String one = "_PRV" + mm;
    if (mm < 10 && fits(found, one)) {
      return one;
    }
    // Without digits only if that meets the limit; otherwise keep the margin, the limit is lost
    // anyway.
    return fits(found, "_PRV") ? "_PRV" : two;
  }

  private static boolean fits(Found found, String designator) {
    return found.standardName(designator, null, null).map(String::length).orElse(0)
        <= RoiNames.TG263_MAX_LENGTH;
  }

  private static Integer wholeMillimetres(BigDecimal marginMm) {
    if (marginMm == null || marginMm.signum() <= 0) {
      return null;
    }
    try {
      int mm = marginMm.stripTrailingZeros().intValueExact();
      return mm < 100 ? mm : null;
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private Optional<RoiClassification> anatomy(
      String original, String clean, String qualifier, TypeHint type) {
    boolean partial = clean.indexOf('~') >= 0;
    Optional<Found> organ = lookUp(clean.replace('~', ' '));
    if (organ.isEmpty()) {
      return Optional.empty();
    }
    Found found = organ.get();
    RoiSynonymTable.TableRole tableRole = found.entry().role();
    String rule = found.describe();
    String standard = found.standardName(null, partial ? "~" : null, qualifier).orElse(null);
    if (partial) {
      rule += ", partial structure '~'";
    }
    if (qualifier != null) {
      rule += ", custom qualifier '^" + qualifier + "'";
    }
    if (tableRole == RoiSynonymTable.TableRole.OAR_OR_TARGET
        && type.role() != null
        && type.role().isTarget()) {
      String typed =
          rule
              + "; role from RT ROI Interpreted Type "
              + type.text()
              + " (an organ that is itself the target)";
      return Optional.of(
          new RoiClassification(
              original, Optional.ofNullable(standard), type.role(), typed, Optional.empty()));
    }
    if (tableRole == RoiSynonymTable.TableRole.OAR_OR_EXTERNAL && type.role() == RoiRole.EXTERNAL) {
      String typed = rule + "; RT ROI Interpreted Type EXTERNAL: this is the body outline";
      return Optional.of(
          new RoiClassification(
              original, Optional.of(EXTERNAL_NAME), RoiRole.EXTERNAL, typed, Optional.empty()));
    }
    return Optional.of(byName(original, standard, tableRole.defaultRole(), rule, null, type));
  }

  /**
   * A name that no rule recognises: the role comes from the interpreted type alone, the standard
   * name stays empty, and a target type still gets a dose level read from the name.
   */
  private RoiClassification unknown(String original, String clean, TypeHint type, String why) {
    String rule = "unknown name (" + why + "); " + type.describeAsSource();
    RoiRole role = type.role() == null ? RoiRole.OTHER : type.role();
    BigDecimal dose = null;
    if (role.isTarget()) {
      RoiNames.Dose parsed = RoiNames.dose(clean);
      dose = parsed.gy();
      rule += "; " + parsed.explanation();
    }
    return new RoiClassification(original, Optional.empty(), role, rule, Optional.ofNullable(dose));
  }

  /** A result decided by the name; a contradicting interpreted type is noted, never applied. */
  private static RoiClassification byName(
      String original,
      String standard,
      RoiRole role,
      String rule,
      BigDecimal doseGy,
      TypeHint type) {
    String full = rule;
    if (type.role() != null && type.role() != role) {
      full += "; RT ROI Interpreted Type " + type.text() + " disagrees, the name wins";
    }
    return new RoiClassification(
        original, Optional.ofNullable(standard), role, full, Optional.ofNullable(doseGy));
  }

  /**
   * Looks a name up in the synonym table: with its side among paired rows, else among the others.
   */
  private Optional<Found> lookUp(String text) {
    List<String> words = RoiNames.words(text);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    RoiNames.Sided sided = RoiNames.splitSide(words);
    if (sided.conflicting()) {
      return Optional.empty();
    }
    String key = RoiNames.key(sided.core());
    if (sided.side() != null) {
      Optional<RoiSynonymTable.Entry> paired = table.sided(key);
      if (paired.isPresent()) {
        return Optional.of(new Found(paired.get(), key, sided.side(), sided.sideWords(), false));
      }
      // A side on a support structure or marker (Couch Rail L, Marker R) does not change it.
      Optional<RoiSynonymTable.Entry> other = table.unsided(key).filter(RoiNameNormalizer::isOther);
      if (other.isPresent()) {
        return Optional.of(new Found(other.get(), key, null, sided.sideWords(), false));
      }
      return Optional.empty();
    }
    Optional<RoiSynonymTable.Entry> unsided = table.unsided(key);
    if (unsided.isPresent()) {
      return Optional.of(new Found(unsided.get(), key, null, "", false));
    }
    // Numbered or sized support structures and points: Isocenter 1, Bolus 5 mm, Seed 3.
    List<String> counted = RoiNames.withoutTrailingCounts(words);
    if (counted.size() < words.size()) {
      String countedKey = RoiNames.key(counted);
      return table
          .unsided(countedKey)
          .filter(RoiNameNormalizer::isOther)
          .map(entry -> new Found(entry, countedKey, null, "", true));
    }
    return Optional.empty();
  }

  private static boolean isOther(RoiSynonymTable.Entry entry) {
    return entry.role() == RoiSynonymTable.TableRole.OTHER;
  }

  /** A synonym-table match. */
  private record Found(
      RoiSynonymTable.Entry entry,
      String key,
      RoiNames.Side side,
      String sideWords,
      boolean counted) {

    /**
     * The standard name: root, partial mark, PRV designator, side, qualifier, in TG-263's order
     * (Lung~_L, OpticNrv_PRV03_L, Lungs^Ex).
     */
    Optional<String> standardName(String prvDesignator, String partialMark, String qualifier) {
      if (entry.root() == null) {
        return Optional.empty();
      }
      StringBuilder name = new StringBuilder(entry.root());
      if (partialMark != null) {
        name.append(partialMark);
      }
      if (prvDesignator != null) {
        name.append(prvDesignator);
      }
      if (side != null) {
        name.append('_').append(side);
      }
      if (qualifier != null) {
        name.append('^').append(qualifier);
      }
      return Optional.of(name.toString());
    }

    String describe() {
      StringBuilder text =
          new StringBuilder("synonym table line ")
              .append(entry.line())
              .append(" (")
              .append(entry.declared())
              .append(") by \"")
              .append(key)
              .append('"');
      if (side != null) {
        text.append(", side ").append(side).append(" from \"").append(sideWords).append('"');
      } else if (!sideWords.isEmpty()) {
        text.append(", side \"").append(sideWords).append("\" ignored for a support structure");
      }
      if (counted) {
        text.append(", trailing number ignored");
      }
      return text.toString();
    }
  }

  /** The RT ROI Interpreted Type, and the role it suggests. */
  private record TypeHint(String text, RoiRole role) {

    static TypeHint of(String interpretedType) {
      if (interpretedType == null || interpretedType.isBlank()) {
        return new TypeHint(null, null);
      }
      String text = interpretedType.strip().toUpperCase(Locale.ROOT);
      RoiRole role =
          switch (text) {
            case "PTV" -> RoiRole.PTV;
            case "CTV" -> RoiRole.CTV;
            case "GTV" -> RoiRole.GTV;
            case "ITV" -> RoiRole.ITV; // not a DICOM defined term, but written by some systems
            case "ORGAN" -> RoiRole.OAR;
            case "EXTERNAL" -> RoiRole.EXTERNAL;
            default -> RoiRole.OTHER;
          };
      return new TypeHint(text, role);
    }

    String describeAsSource() {
      return text == null
          ? "no RT ROI Interpreted Type, role OTHER"
          : "role from RT ROI Interpreted Type " + text;
    }
  }
}
