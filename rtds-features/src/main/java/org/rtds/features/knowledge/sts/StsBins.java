package org.rtds.features.knowledge.sts;

/**
 * The fixed STS bins shared by all studies (spec §2.3): elevation ε in 10 bins of 18° over [−90°,
 * 90°], distance ρ in 10 bins of 20 mm over [0, 200) mm with the last bin open-ended [180 mm, ∞),
 * azimuth φ in 10 bins of 36° over (−180°, 180°]. Bins are half-open [a, b) with the top bin of
 * each axis closed. Flattened index = (ε bin · 10 + ρ bin) · 10 + φ bin (the legacy nesting ε → ρ →
 * φ).
 *
 * <p>For the STS EMD each bin is represented by its centre (ε_c, ρ_c, φ_c) converted to Cartesian
 * (ρ_c cos ε_c cos φ_c, ρ_c cos ε_c sin φ_c, ρ_c sin ε_c) in mm. The open last distance bin uses
 * ρ_c = {@value #LAST_DISTANCE_BIN_CENTRE_MM} mm (as if it were [180, 240) mm).
 */
public final class StsBins {
  /** Bins per axis. */
  public static final int BINS = 10;

  /** Number of flattened bins. */
  public static final int SIZE = BINS * BINS * BINS;

  /** Elevation bin width (degrees). */
  public static final double ELEVATION_STEP_DEG = 18;

  /** Distance bin width (mm). */
  public static final double DISTANCE_STEP_MM = 20;

  /** Azimuth bin width (degrees). */
  public static final double AZIMUTH_STEP_DEG = 36;

  /** Centre used for the open-ended last distance bin (mm). */
  public static final double LAST_DISTANCE_BIN_CENTRE_MM = 210;

  private StsBins() {}

  /**
   * @return the 11 elevation edges (degrees): −90, −72, …, 90
   */
  public static double[] elevationEdgesDeg() {
    return edges(-90, ELEVATION_STEP_DEG);
  }

  /**
   * @return the 11 distance edges (mm): 0, 20, …, 200 (the last bin is open beyond 180)
   */
  public static double[] distanceEdgesMm() {
    return edges(0, DISTANCE_STEP_MM);
  }

  /**
   * @return the 11 azimuth edges (degrees): −180, −144, …, 180
   */
  public static double[] azimuthEdgesDeg() {
    return edges(-180, AZIMUTH_STEP_DEG);
  }

  private static double[] edges(double start, double step) {
    double[] e = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      e[i] = start + i * step;
    }
    return e;
  }

  /**
   * @param elevationBin ε bin 0..9
   * @param distanceBin ρ bin 0..9
   * @param azimuthBin φ bin 0..9
   * @return the flattened index
   */
  public static int index(int elevationBin, int distanceBin, int azimuthBin) {
    return (elevationBin * BINS + distanceBin) * BINS + azimuthBin;
  }

  /**
   * @param elevationDeg ε in [−90, 90]
   * @return its bin (90° falls in the closed top bin 9)
   */
  public static int elevationBin(double elevationDeg) {
    return clamp((int) Math.floor((elevationDeg + 90) / ELEVATION_STEP_DEG));
  }

  /**
   * @param distanceMm ρ ≥ 0 (mm)
   * @return its bin (everything from 180 mm on falls in bin 9)
   */
  public static int distanceBin(double distanceMm) {
    return clamp((int) Math.floor(distanceMm / DISTANCE_STEP_MM));
  }

  /**
   * @param azimuthDeg φ in (−180, 180]
   * @return its bin (180° falls in the closed top bin 9)
   */
  public static int azimuthBin(double azimuthDeg) {
    return clamp((int) Math.floor((azimuthDeg + 180) / AZIMUTH_STEP_DEG));
  }

  private static int clamp(int b) {
    return b < 0 ? 0 : b >= BINS ? BINS - 1 : b;
  }

  /**
   * @param flatIndex a flattened bin index
   * @return the bin centre as a Cartesian point {x, y, z} (mm), see class doc
   */
  public static double[] centreMm(int flatIndex) {
    int e = flatIndex / (BINS * BINS);
    int r = (flatIndex / BINS) % BINS;
    int a = flatIndex % BINS;
    double eps = Math.toRadians(-90 + (e + 0.5) * ELEVATION_STEP_DEG);
    double phi = Math.toRadians(-180 + (a + 0.5) * AZIMUTH_STEP_DEG);
    double rho = r == BINS - 1 ? LAST_DISTANCE_BIN_CENTRE_MM : (r + 0.5) * DISTANCE_STEP_MM;
    return new double[] {
      rho * Math.cos(eps) * Math.cos(phi), rho * Math.cos(eps) * Math.sin(phi), rho * Math.sin(eps)
    };
  }
}
