package org.rtds.testdata;

/**
 * Dose-volume metrics of one ROI. Volumes in cm³, doses in Gy, V-values in percent of the ROI
 * volume. Dx% is the minimum dose to the hottest x % of the volume and D0.03cc the minimum dose to
 * the hottest 0.03 cm³ (continuous definitions, i.e. the dose at which the cumulative DVH reaches
 * that volume).
 */
public record DvhMetrics(
    double volumeCc,
    double dminGy,
    double dmaxGy,
    double dmeanGy,
    double d99Gy,
    double d95Gy,
    double d50Gy,
    double d5Gy,
    double d1Gy,
    double d003ccGy,
    double v10GyPercent,
    double v20GyPercent) {}
