/**
 * Feature computation: DVHs and dose metrics, ROI volumes, isodose lines, OVH, STS and EMD
 * similarity (docs/algorithms.md). Calculators in {@code ….control} packages and in {@link
 * org.rtds.features.dose} are pure Java (arrays and records in, records out, no {@code jakarta.*});
 * CDI boundaries observe ingestion events from {@code org.rtds.domain.event} and store results.
 * This module never depends on rtds-ingest (enforced by the Maven enforcer).
 */
package org.rtds.features;
