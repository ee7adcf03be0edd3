/**
 * Plan-comparison features: the ROI dictionary, overlap volume histograms (OVH), spatial target
 * signatures (STS) and the similarity of study pairs, as specified in docs/algorithms.md.
 *
 * <p>Promises: OVH and STS rows are keyed by study, target and organ at risk ({@link
 * org.rtds.domain.feature.OarDictionaryEntry}), mapped once in {@link
 * org.rtds.domain.feature.TargetOarHistogram}; histograms are comma-separated lists whose units are
 * stated on each entity; legacy rows stay readable.
 */
package org.rtds.domain.feature;
