package org.rtds.domain.feature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One entry of the knowledge base's change log ({@code rtds_knowledge_change}, an RTDS table, V9):
 * a study whose OVH/STS signatures were replaced. Appended by the feature computation in the
 * transaction that replaces them, while it holds the knowledge base's lock, so ids commit in
 * increasing order; each node's in-memory similarity index reloads the studies above the highest id
 * it has applied. The study is a plain id (no foreign key): the log may outlive it.
 */
@Entity
@Table(name = "rtds_knowledge_change")
public class KnowledgeChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  /** The study ({@code studies.id}) whose signatures changed. */
  @Column(name = "study_id", nullable = false)
  private Integer studyId;

  /** When (UTC). */
  @Column(name = "changed_at", nullable = false)
  private LocalDateTime changedAt;

  public Long getId() {
    return id;
  }

  public Integer getStudyId() {
    return studyId;
  }

  public void setStudyId(Integer studyId) {
    this.studyId = studyId;
  }

  public LocalDateTime getChangedAt() {
    return changedAt;
  }

  public void setChangedAt(LocalDateTime changedAt) {
    this.changedAt = changedAt;
  }
}
