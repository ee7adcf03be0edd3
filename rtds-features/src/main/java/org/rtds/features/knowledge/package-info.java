/**
 * Knowledge-base geometry features and plan comparison (shared spec §1–3; docs/knowledge-base.md):
 * pure Java, records and arrays in and out, stateless and thread-safe; no {@code jakarta.*}, no JPA
 * entities, no DICOM library.
 *
 * <ul>
 *   <li>{@link org.rtds.features.knowledge.voxel}: CT voxel lattice (LPS mm, voxel volumes) and
 *       run-length voxel masks.
 *   <li>{@link org.rtds.features.knowledge.distance}: exact signed anisotropic Euclidean distance
 *       transform (Felzenszwalb–Huttenlocher on real slice positions).
 *   <li>{@link org.rtds.features.knowledge.ovh}: overlap volume histogram, r_v, statistics, codec.
 *   <li>{@link org.rtds.features.knowledge.sts}: spatial target signature, fixed bins, codec.
 *   <li>{@link org.rtds.features.knowledge.emd}: earth mover's distances (1-D closed form, exact
 *       transportation simplex).
 *   <li>{@link org.rtds.features.knowledge.ranking}: similarity score and ranking, achievable-dose
 *       rule, top-k dose summaries, DVH band.
 * </ul>
 *
 * <p>Units: distances mm, volumes mm³ (names say so; cc only where a name says cc), doses Gy,
 * angles degrees, fractions in [0, 1].
 */
package org.rtds.features.knowledge;
