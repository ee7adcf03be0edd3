package org.rtds.web.api.study;

import org.rtds.features.boundary.KnowledgeBase;
import org.rtds.security.control.HospitalScope;
import org.rtds.security.control.StudyVisibility;

/**
 * The caller as the knowledge base sees it, for the API and the pages alike: which studies it may
 * see identifiably and how the others are named, both decided by rtds-security's {@link
 * StudyVisibility} (the one rule).
 */
public final class KnowledgeBaseCaller {

  private KnowledgeBaseCaller() {}

  /**
   * @param scope whose studies the caller sees identifiably
   * @param visibility the installation's de-identified keys
   * @return the caller for {@link KnowledgeBase}'s answers
   */
  public static KnowledgeBase.Caller of(HospitalScope scope, StudyVisibility visibility) {
    return new KnowledgeBase.Caller() {
      @Override
      public boolean identifiable(Integer senderAccountId) {
        return StudyVisibility.identifiable(scope, senderAccountId);
      }

      @Override
      public String deidentifiedKey(int studyId) {
        return visibility.deidentifiedKey(studyId);
      }
    };
  }
}
