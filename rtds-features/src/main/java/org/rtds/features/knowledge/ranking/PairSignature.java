package org.rtds.features.knowledge.ranking;

import org.rtds.features.knowledge.ovh.OvhCurve;

/**
 * The stored geometry of one (PTV, OAR) pair of a study.
 *
 * @param ovh the OVH on the fixed grid
 * @param stsAmounts the STS amounts (1000)
 */
public record PairSignature(OvhCurve ovh, double[] stsAmounts) {}
