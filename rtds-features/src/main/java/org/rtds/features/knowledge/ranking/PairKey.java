package org.rtds.features.knowledge.ranking;

/**
 * What matches a (PTV, OAR) pair between two studies.
 *
 * @param ptvRole the PTV's role (e.g. "PTV_High", or the prescription rank "1")
 * @param oarName the OAR's standard (TG-263) name
 */
public record PairKey(String ptvRole, String oarName) implements Comparable<PairKey> {

  @Override
  public int compareTo(PairKey o) {
    int c = ptvRole.compareTo(o.ptvRole);
    return c != 0 ? c : oarName.compareTo(o.oarName);
  }
}
