package org.rtds.ingest.control;

/**
 * What a contoured structure (ROI) is for in a treatment plan, independent of how the clinic named
 * it. The geometry features pair every target with every organ at risk (OVH, STS,
 * docs/algorithms.md §1–§2), so the role decides which ROIs take part; everything that is neither a
 * target nor an organ is {@link #OTHER} and never enters a cohort comparison.
 *
 * <p>The ICRU 50/62/83 volumes nest: GTV ⊂ CTV ⊂ (ITV) ⊂ PTV.
 */
public enum RoiRole {

  /**
   * Planning target volume: the CTV (or ITV) plus a margin for set-up and delivery uncertainty. The
   * prescription is written to it; it is the target of the OVH and STS features. TG-263 also allows
   * {@code PTV!}, a low-dose PTV from which the overlapping higher-dose PTV has been removed.
   */
  PTV,

  /**
   * Clinical target volume: the gross tumour plus the tissue suspected of microscopic spread (e.g.
   * an elective nodal region, a prostate, a tumour bed).
   */
  CTV,

  /**
   * Gross tumour volume: the visible or palpable tumour (primary {@code GTVp}, nodes {@code GTVn}).
   */
  GTV,

  /**
   * Internal target volume: the CTV (or GTV) enlarged to cover its own motion, typically from a 4D
   * CT in lung or liver SBRT. TG-263's {@code ITV}, {@code IGTV} (internal gross) and {@code ICTV}
   * (internal clinical) all have this role.
   */
  ITV,

  /**
   * Organ at risk: normal tissue whose dose limits the plan (spinal cord, parotids, rectum …),
   * including a planning organ-at-risk volume (PRV, the organ plus a margin) and an organ from
   * which a target has been removed for evaluation (e.g. {@code Lungs-GTV}).
   */
  OAR,

  /**
   * The patient's outer contour (body outline, DICOM RT ROI Interpreted Type {@code EXTERNAL}).
   * Dose outside it is not deposited in the patient; the dose grid and normal-tissue metrics are
   * bounded by it.
   */
  EXTERNAL,

  /**
   * Anything that is not a target, an organ or the outline: couch and immobilisation (support),
   * bolus, fiducial markers and clips, the isocentre and other reference points, implants and
   * artefacts with density overrides, and the planner's helper structures (optimisation rings,
   * {@code z}-prefixed structures, {@code opt_PTV}, hot/cold spot structures, isodose-derived
   * structures, expansions of a target such as {@code PTV+5mm}). Never used for dose evaluation.
   */
  OTHER;

  /** True for the target volumes ({@link #PTV}, {@link #CTV}, {@link #GTV}, {@link #ITV}). */
  public boolean isTarget() {
    return this == PTV || this == CTV || this == GTV || this == ITV;
  }
}
