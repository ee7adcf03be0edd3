/**
 * An in-memory index of the stored OVH and STS signatures for fast top-k similarity queries over
 * large knowledge bases (10⁴–10⁵ studies). Pure Java (no Jakarta EE, no JPA).
 *
 * <p>The index is <b>derived state</b>: it holds nothing the {@code ovh}, {@code sts} and plan
 * tables do not hold. Any node can rebuild it from the database and bring it up to date
 * incrementally (e.g. from a watermark such as the highest {@code ovh}/{@code sts} row id, see
 * {@link org.rtds.features.knowledge.index.SignatureIndex#watermark()}); it is never the only copy
 * of anything.
 *
 * <p>Units: distances, EMDs and centroids in mm, doses in Gy, fractions in [0, 1], heap in bytes.
 *
 * <ul>
 *   <li>{@link org.rtds.features.knowledge.index.SignatureIndex}: per (target level, TG-263 organ)
 *       partition, the studies' OVH cumulative fractions and sparse STS; add, replace and remove a
 *       study; the exact top-k query under fixed scales, pruned with the lower bounds below.
 *   <li>{@link org.rtds.features.knowledge.index.StsLowerBounds}: provable lower bounds on the STS
 *       EMD (centroid distance, radial and coordinate-axis 1-D transports) and on the OVH EMD
 *       (difference of the grid means).
 * </ul>
 */
package org.rtds.features.knowledge.index;
