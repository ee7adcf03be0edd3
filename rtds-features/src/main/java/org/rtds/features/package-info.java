/**
 * Feature computation: DVHs and dose metrics, ROI volumes, isodose lines, OVH, STS and EMD
 * similarity, the knowledge base's ranking and achievable-dose check (docs/algorithms.md).
 *
 * <ul>
 *   <li>{@link org.rtds.features.dose} and {@link org.rtds.features.knowledge}: the calculators,
 *       pure Java (arrays and records in, records out; no {@code jakarta.*}, no entity, no DICOM
 *       library; ArchUnit rules in this module's tests).
 *   <li>{@code org.rtds.features.control}: reading the inputs from and writing the results to the
 *       tables through the {@code EntityManager} a boundary hands over (no container service looked
 *       up), the feature-job queue's claiming and the constraint rules.
 *   <li>{@link org.rtds.features.boundary}: the CDI beans the web module and the scheduler call.
 * </ul>
 *
 * This module never depends on rtds-ingest (enforced by the Maven enforcer).
 */
package org.rtds.features;
