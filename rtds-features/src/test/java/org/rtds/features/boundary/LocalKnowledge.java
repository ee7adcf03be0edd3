package org.rtds.features.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The knowledge base's beans outside the container, on a RESOURCE_LOCAL persistence unit: each read
 * of the index's loader runs in a fresh entity manager and transaction, as {@code REQUIRES_NEW}
 * does in the server. For integration tests and benchmarks.
 */
public final class LocalKnowledge {
  private LocalKnowledge() {}

  /** A loader whose every call has an entity manager and transaction of its own. */
  private static final class FreshLoader extends KnowledgeIndexLoader {
    private final EntityManagerFactory factory;

    FreshLoader(EntityManagerFactory factory) {
      this.factory = factory;
      dvhs = new StudyDvhs();
    }

    private synchronized <T> T fresh(Supplier<T> work) {
      EntityManager e = factory.createEntityManager();
      em = e;
      dvhs.em = e;
      try {
        e.getTransaction().begin();
        T result = work.get();
        e.getTransaction().commit();
        return result;
      } finally {
        if (e.getTransaction().isActive()) {
          e.getTransaction().rollback();
        }
        e.close();
      }
    }

    @Override
    public long latestChange() {
      return fresh(super::latestChange);
    }

    @Override
    public List<Integer> changedAfter(long watermark) {
      return fresh(() -> super.changedAfter(watermark));
    }

    @Override
    public List<Integer> allStudies() {
      return fresh(super::allStudies);
    }

    @Override
    public Map<Integer, KnowledgeIndex.Loaded> load(Collection<Integer> studyIds) {
      return fresh(() -> super.load(studyIds));
    }
  }

  /**
   * @param factory the persistence unit
   * @return a node's index, empty until its first refresh
   */
  public static KnowledgeIndex index(EntityManagerFactory factory) {
    KnowledgeIndex index = new KnowledgeIndex();
    index.loader = new FreshLoader(factory);
    return index;
  }

  /**
   * @param em the entity manager of the answers' own reads (identities, DVH curves)
   * @param index the node's index
   * @return the answers of that node
   */
  public static KnowledgeBase knowledgeBase(EntityManager em, KnowledgeIndex index) {
    KnowledgeBase kb = new KnowledgeBase();
    kb.em = em;
    kb.dvhs = new StudyDvhs();
    kb.dvhs.em = em;
    kb.index = index;
    return kb;
  }

  /**
   * @param identifiable whether the caller may see every study's identity
   * @return a caller that sees all studies, or none, identifiably (others as {@code KB-} + id)
   */
  public static KnowledgeBase.Caller caller(boolean identifiable) {
    return new KnowledgeBase.Caller() {
      @Override
      public boolean identifiable(Integer senderAccountId) {
        return identifiable;
      }

      @Override
      public String deidentifiedKey(int studyId) {
        return "KB-" + studyId;
      }
    };
  }
}
