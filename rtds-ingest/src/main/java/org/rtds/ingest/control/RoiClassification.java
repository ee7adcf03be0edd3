package org.rtds.ingest.control;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RoiNameNormalizer} made of one ROI name: the clinic's name is kept exactly as it was
 * (it stays what users see and search for), next to the AAPM TG-263 standard name under which ROIs
 * of different patients and clinics are compared.
 *
 * @param originalName the ROI Name (3006,0026) exactly as received, never changed
 * @param standardName the TG-263 name (e.g. {@code Parotid_L}, {@code SpinalCord_PRV05}, {@code
 *     PTV}); empty when the name is not recognised or TG-263 has no name for the structure (e.g.
 *     the isocentre). Targets carry only their type ({@code PTV}, {@code CTV}, {@code GTV}, {@code
 *     ITV}, {@code IGTV}, {@code ICTV}, {@code PTV!}); their dose level is in {@code doseGy}
 * @param role what the structure is for in the plan
 * @param matchedRule which rule decided, in words, for the audit trail and for a physicist who
 *     checks a mapping (e.g. {@code synonym table line 58 "Parotid_L/R", side from "Lt"})
 * @param doseGy for a target, the dose level written in its name, in Gy (e.g. 70 for {@code PTV70},
 *     70.00 for {@code PTV_7000}); empty when the name has none, has a relative level ({@code
 *     PTV_High}) or is ambiguous, and always empty for a non-target. It is the level the planner
 *     wrote in the name, not the prescription from the RT Plan.
 */
public record RoiClassification(
    String originalName,
    Optional<String> standardName,
    RoiRole role,
    String matchedRule,
    Optional<BigDecimal> doseGy) {

  /** Checks that no component is null and that only targets carry a dose. */
  public RoiClassification {
    Objects.requireNonNull(originalName, "originalName");
    Objects.requireNonNull(standardName, "standardName");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(matchedRule, "matchedRule");
    Objects.requireNonNull(doseGy, "doseGy");
    if (doseGy.isPresent() && !role.isTarget()) {
      throw new IllegalArgumentException("only a target has a dose level, not a " + role);
    }
  }

  /** True when the name was mapped to a TG-263 standard name. */
  public boolean isStandardised() {
    return standardName.isPresent();
  }
}
