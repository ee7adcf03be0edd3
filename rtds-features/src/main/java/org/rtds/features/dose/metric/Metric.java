package org.rtds.features.dose.metric;

import java.math.BigDecimal;

/**
 * A parsed dose metric. {@link #canonicalName()} is stable and is what reports and the CLI CSV use
 * in their {@code metric} column; {@link #unit()} is "Gy", "cc", "%" or "" (dimensionless).
 *
 * <p>Syntax (case-insensitive, surrounding blanks ignored), canonical form in brackets:
 *
 * <ul>
 *   <li>{@code Volume} — ROI volume, cc.
 *   <li>{@code Dmean}, {@code Dmax}, {@code Dmin} — Gy; suffix {@code [%Rx]} gives % of Rx.
 *   <li>{@code D<x>%} — dose (Gy) to the hottest x % of the volume, x in [0, 100]; {@code D<x>cc} —
 *       dose to the hottest x cc; suffix {@code [%Rx]} gives % of Rx ({@code D95%[%Rx]}).
 *   <li>{@code V<x>Gy}, {@code V<x>cGy} (canonicalised to Gy: {@code V2000cGy} → {@code V20Gy}),
 *       {@code V<x>%Rx} — volume receiving ≥ the dose, in % of the ROI volume; suffix {@code [cc]}
 *       gives cc ({@code V20Gy[cc]}); suffix {@code [%]} is accepted and dropped.
 *   <li>{@code HI} (ICRU 83: (D2% − D98%)/D50%), {@code CI_RTOG} (also {@code CI}, {@code RTOGCI}:
 *       V_Rx/TV), {@code CI_Paddick} (also {@code PaddickCI}: TV_PIV²/(TV·V_PIV)), {@code GI}
 *       (V_50%Rx/V_Rx), {@code Coverage} (TV_PIV/TV) — dimensionless; all but HI need Rx, and CI/GI
 *       need an isodose-volume source.
 * </ul>
 *
 * Numbers are written without trailing zeros ({@code D2.0cc} → {@code D2cc}).
 */
public sealed interface Metric
    permits Metric.TotalVolume,
        Metric.DoseStatistic,
        Metric.DoseAtVolume,
        Metric.VolumeAtDose,
        Metric.Index {

  /**
   * @return the stable canonical name
   */
  String canonicalName();

  /**
   * @return the unit of the value: "Gy", "cc", "%" or ""
   */
  String unit();

  /** Suffix marking doses expressed in percent of the prescription. */
  String PERCENT_RX_SUFFIX = "[%Rx]";

  /** ROI volume (cc). */
  record TotalVolume() implements Metric {
    @Override
    public String canonicalName() {
      return "Volume";
    }

    @Override
    public String unit() {
      return "cc";
    }
  }

  /** Mean, maximum or minimum dose. */
  enum Statistic {
    /** Volume-weighted mean. */
    MEAN("Dmean"),
    /** Largest voxel dose. */
    MAX("Dmax"),
    /** Smallest voxel dose. */
    MIN("Dmin");

    private final String label;

    Statistic(String label) {
      this.label = label;
    }

    /**
     * @return the canonical label (Dmean, Dmax, Dmin)
     */
    public String label() {
      return label;
    }
  }

  /**
   * Dmean, Dmax or Dmin.
   *
   * @param statistic which statistic
   * @param percentOfRx true for % of Rx, false for Gy
   */
  record DoseStatistic(Statistic statistic, boolean percentOfRx) implements Metric {
    @Override
    public String canonicalName() {
      return statistic.label() + (percentOfRx ? PERCENT_RX_SUFFIX : "");
    }

    @Override
    public String unit() {
      return percentOfRx ? "%" : "Gy";
    }
  }

  /**
   * D_x% or D_xcc (step rule).
   *
   * @param amount x
   * @param absoluteCc true when x is in cc, false when in % of the ROI volume
   * @param percentOfRx true for the dose in % of Rx, false for Gy
   */
  record DoseAtVolume(BigDecimal amount, boolean absoluteCc, boolean percentOfRx)
      implements Metric {
    @Override
    public String canonicalName() {
      return "D"
          + amount.toPlainString()
          + (absoluteCc ? "cc" : "%")
          + (percentOfRx ? PERCENT_RX_SUFFIX : "");
    }

    @Override
    public String unit() {
      return percentOfRx ? "%" : "Gy";
    }
  }

  /**
   * V_xGy or V_x%Rx.
   *
   * @param dose x, in Gy or in % of Rx
   * @param doseInPercentOfRx true when x is in % of Rx
   * @param volumeInCc true for cc, false for % of the ROI volume
   */
  record VolumeAtDose(BigDecimal dose, boolean doseInPercentOfRx, boolean volumeInCc)
      implements Metric {
    @Override
    public String canonicalName() {
      return "V"
          + dose.toPlainString()
          + (doseInPercentOfRx ? "%Rx" : "Gy")
          + (volumeInCc ? "[cc]" : "");
    }

    @Override
    public String unit() {
      return volumeInCc ? "cc" : "%";
    }
  }

  /** Plan-quality indices (§4.4 step 7). */
  enum IndexKind {
    /** ICRU 83 homogeneity index (D2% − D98%)/D50%. */
    HI,
    /** RTOG conformity index V_Rx/TV. */
    CI_RTOG,
    /** Paddick conformity index TV_PIV²/(TV·V_PIV). */
    CI_PADDICK,
    /** Paddick gradient index V_50%Rx/V_100%Rx. */
    GI,
    /** Target coverage TV_PIV/TV. */
    COVERAGE
  }

  /**
   * A plan-quality index of the ROI as target.
   *
   * @param kind which index
   */
  record Index(IndexKind kind) implements Metric {
    @Override
    public String canonicalName() {
      return switch (kind) {
        case HI -> "HI";
        case CI_RTOG -> "CI_RTOG";
        case CI_PADDICK -> "CI_Paddick";
        case GI -> "GI";
        case COVERAGE -> "Coverage";
      };
    }

    @Override
    public String unit() {
      return "";
    }
  }
}
