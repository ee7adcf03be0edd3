package org.rtds.domain.feature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.Length;

/**
 * The spatial target signature of one target relative to one organ at risk, for one study ({@code
 * sts}): a 3-D histogram, in spherical coordinates (elevation, distance, azimuth) about the OAR
 * centroid, of the fraction of the target volume in each bin (docs/algorithms.md section 2).
 *
 * <p>The three bin columns hold the bin edges, comma-separated. {@code amounts} ("flattened array
 * (unsure)" in the schema document) holds the fractions of the target volume, flattened with
 * elevation outermost, then distance, then azimuth, which is the legacy nesting. Both {@code
 * ptv_id} and {@code OAR_id} refer to {@link OarDictionaryEntry} rows.
 */
@Entity
@Table(name = "sts")
public class Sts extends TargetOarHistogram {

  /**
   * Comma-separated elevation bin edges (11 edges, degrees; legacy rows: slice-index differences).
   */
  @Column(name = "elevation_bins", nullable = false, length = Length.LONG32)
  private String elevationBins;

  /** Comma-separated distance bin edges (11 edges, mm; legacy rows: index units). */
  @Column(name = "distance_bins", nullable = false, length = Length.LONG32)
  private String distanceBins;

  /** Comma-separated azimuth bin edges (11 edges, degrees; legacy rows: polar angle in radians). */
  @Column(name = "azimuth_bins", nullable = false, length = Length.LONG32)
  private String azimuthBins;

  /**
   * Comma-separated fractions of the target volume per (elevation, distance, azimuth) bin,
   * flattened in that nesting order (1000 values for 10 bins per axis).
   */
  @Column(name = "amounts", nullable = false, length = Length.LONG32)
  private String amounts;

  public String getElevationBins() {
    return elevationBins;
  }

  public void setElevationBins(String elevationBins) {
    this.elevationBins = elevationBins;
  }

  public String getDistanceBins() {
    return distanceBins;
  }

  public void setDistanceBins(String distanceBins) {
    this.distanceBins = distanceBins;
  }

  public String getAzimuthBins() {
    return azimuthBins;
  }

  public void setAzimuthBins(String azimuthBins) {
    this.azimuthBins = azimuthBins;
  }

  public String getAmounts() {
    return amounts;
  }

  public void setAmounts(String amounts) {
    this.amounts = amounts;
  }
}
