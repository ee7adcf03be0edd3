package org.rtds.features.knowledge.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weights and scales of the similarity score (spec §3.5, recommended form):
 *
 * <pre>
 *   score_h = Σ_k w_k (w_o · EMD_OVH,k / s_o + w_s · EMD_STS,k / s_s) / Σ_k w_k
 *             + w_t · |TDdiff| / s_t
 * </pre>
 *
 * over the (PTV role, OAR name) pairs k present in both studies; lower = more similar. Candidates
 * with |TDdiff| &gt; {@code maxTargetDoseDifferenceGy} are excluded before ranking.
 *
 * @param ovhWeight w_o (default 0.5)
 * @param stsWeight w_s (default 0.3)
 * @param targetDoseWeight w_t (default 0.2)
 * @param ovhScaleMm s_o, fixed OVH EMD scale (mm, default 10)
 * @param stsScaleMm s_s, fixed STS EMD scale (mm, default 20)
 * @param targetDoseScaleGy s_t, target dose difference scale (Gy, default 5)
 * @param maxTargetDoseDifferenceGy candidate filter on |TDdiff| (Gy, default 5)
 * @param oarWeights w_k per OAR name (TG-263); OARs not listed weigh {@code defaultOarWeight}
 * @param defaultOarWeight w_k of unlisted OARs (default 1)
 * @param scales FIXED (s_o, s_s as given) or CANDIDATE_MEDIAN (s_o, s_s = median EMD over all pairs
 *     of the candidates that pass the target dose filter; the fixed value when that median is 0)
 */
public record SimilarityWeights(
    double ovhWeight,
    double stsWeight,
    double targetDoseWeight,
    double ovhScaleMm,
    double stsScaleMm,
    double targetDoseScaleGy,
    double maxTargetDoseDifferenceGy,
    Map<String, Double> oarWeights,
    double defaultOarWeight,
    Scales scales) {

  /** How s_o and s_s are chosen. */
  public enum Scales {
    /** The fixed values ovhScaleMm and stsScaleMm. */
    FIXED,
    /** Robust: the median EMD over the candidate set (spec §3.5). */
    CANDIDATE_MEDIAN
  }

  /** The defaults of spec §3.5 (fixed scales 10 mm and 20 mm). */
  public static final SimilarityWeights DEFAULT =
      new SimilarityWeights(0.5, 0.3, 0.2, 10, 20, 5, 5, Map.of(), 1, Scales.FIXED);

  /**
   * @param scales the scale mode
   * @return a copy with that mode
   */
  public SimilarityWeights withScales(Scales scales) {
    return new SimilarityWeights(
        ovhWeight,
        stsWeight,
        targetDoseWeight,
        ovhScaleMm,
        stsScaleMm,
        targetDoseScaleGy,
        maxTargetDoseDifferenceGy,
        oarWeights,
        defaultOarWeight,
        scales);
  }

  /**
   * @param maxGy the candidate filter on |TDdiff| (Gy, ≥ 0; +∞ for none)
   * @return a copy with that filter
   */
  public SimilarityWeights withMaxTargetDoseDifferenceGy(double maxGy) {
    return new SimilarityWeights(
        ovhWeight,
        stsWeight,
        targetDoseWeight,
        ovhScaleMm,
        stsScaleMm,
        targetDoseScaleGy,
        maxGy,
        oarWeights,
        defaultOarWeight,
        scales);
  }

  /**
   * Validates: weights ≥ 0, scales &gt; 0.
   *
   * @param ovhWeight w_o
   * @param stsWeight w_s
   * @param targetDoseWeight w_t
   * @param ovhScaleMm s_o (mm)
   * @param stsScaleMm s_s (mm)
   * @param targetDoseScaleGy s_t (Gy)
   * @param maxTargetDoseDifferenceGy filter (Gy)
   * @param oarWeights w_k per OAR name
   * @param defaultOarWeight w_k of unlisted OARs
   * @param scales the scale mode
   */
  public SimilarityWeights {
    oarWeights = Map.copyOf(oarWeights);
    if (scales == null) {
      throw new IllegalArgumentException("scale mode missing");
    }
    if (!(ovhWeight >= 0)
        || !(stsWeight >= 0)
        || !(targetDoseWeight >= 0)
        || !(defaultOarWeight >= 0)) {
      throw new IllegalArgumentException("similarity weights must be ≥ 0");
    }
    if (!(ovhScaleMm > 0) || !(stsScaleMm > 0) || !(targetDoseScaleGy > 0)) {
      throw new IllegalArgumentException("similarity scales must be > 0");
    }
    if (!(maxTargetDoseDifferenceGy >= 0)) {
      throw new IllegalArgumentException("the target dose filter must be ≥ 0 Gy");
    }
    for (double w : oarWeights.values()) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("OAR weights must be ≥ 0");
      }
    }
  }

  /**
   * Reads weights from a setting such as {@code ovh=0.5,sts=0.3,dose=0.2,oar.Parotid_L=2}; keys not
   * given keep the defaults. Keys: {@code ovh}, {@code sts}, {@code dose} (w_o, w_s, w_t), {@code
   * ovhScaleMm}, {@code stsScaleMm}, {@code doseScaleGy} (s_o, s_s, s_t), {@code maxDoseDiffGy}
   * (the |TDdiff| filter), {@code oar} (w_k of unlisted organs), {@code oar.NAME} (w_k of one
   * TG-263 organ) and {@code scales} ({@code fixed} or {@code median}).
   *
   * @param setting the setting; null or blank for the defaults
   * @return the weights
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static SimilarityWeights parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT;
    }
    double[] v = {0.5, 0.3, 0.2, 10, 20, 5, 5, 1};
    List<String> names =
        List.of(
            "ovh",
            "sts",
            "dose",
            "ovhScaleMm",
            "stsScaleMm",
            "doseScaleGy",
            "maxDoseDiffGy",
            "oar");
    Map<String, Double> organs = new LinkedHashMap<>();
    Scales scales = Scales.FIXED;
    for (String part : setting.split(",")) {
      String[] kv = part.split("=", 2);
      String key = kv[0].trim();
      if (kv.length != 2 || key.isEmpty()) {
        throw new IllegalArgumentException(
            "similarity weights: '" + part.trim() + "' is not key=value");
      }
      String value = kv[1].trim();
      if (key.equals("scales")) {
        scales =
            switch (value.toLowerCase(Locale.ROOT)) {
              case "fixed" -> Scales.FIXED;
              case "median" -> Scales.CANDIDATE_MEDIAN;
              default ->
                  throw new IllegalArgumentException(
                      "similarity weights: scales must be fixed or median, not '" + value + "'");
            };
        continue;
      }
      double number;
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "similarity weights: " + key + " must be a number, not '" + value + "'");
      }
      if (key.startsWith("oar.") && key.length() > 4) {
        organs.put(key.substring(4), number);
      } else if (names.contains(key)) {
        v[names.indexOf(key)] = number;
      } else {
        throw new IllegalArgumentException(
            "similarity weights: unknown key '"
                + key
                + "' (known: "
                + String.join(", ", names)
                + ", oar.NAME, scales)");
      }
    }
    return new SimilarityWeights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], organs, v[7], scales);
  }

  /**
   * @param oarName an OAR name
   * @return its weight w_k
   */
  public double oarWeight(String oarName) {
    return oarWeights.getOrDefault(oarName, defaultOarWeight);
  }
}
