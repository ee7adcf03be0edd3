package org.rtds.features.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.rtds.domain.feature.DoseConstraint;
import org.rtds.features.control.ConstraintCheck;
import org.rtds.features.dose.metric.Metric;
import org.rtds.features.dose.metric.MetricParser;

/**
 * The editable table of dose constraints. Every write checks the constraint: a known metric (its
 * unit is the constraint's unit), a comparator among {@code < <= > >=}, a finite limit, a structure
 * name.
 */
@ApplicationScoped
public class ConstraintCatalogue {

  @PersistenceContext EntityManager em;

  /** What a client sends; {@code unit} may be omitted (the metric's own unit is used). */
  public record Draft(
      String standardName,
      String metric,
      String comparator,
      Double limit,
      String unit,
      String source,
      String note,
      Boolean active) {}

  public List<DoseConstraint> all() {
    return em.createNamedQuery(DoseConstraint.FIND_ALL, DoseConstraint.class).getResultList();
  }

  /**
   * Thrown when another constraint already has the same structure, metric, comparator and limit.
   */
  public static final class DuplicateConstraintException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateConstraintException(String message) {
      super(message);
    }
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with the draft
   * @throws DuplicateConstraintException when the same constraint exists (the table's unique key)
   */
  @Transactional
  public DoseConstraint create(Draft draft) {
    DoseConstraint constraint = new DoseConstraint();
    apply(constraint, draft);
    refuseDuplicate(constraint, null);
    em.persist(constraint);
    return constraint;
  }

  /**
   * @return the updated constraint, or empty when there is none with that id
   * @throws IllegalArgumentException naming what is wrong with the draft
   * @throws DuplicateConstraintException when another constraint is the same
   */
  @Transactional
  public Optional<DoseConstraint> update(int id, Draft draft) {
    DoseConstraint constraint = em.find(DoseConstraint.class, id);
    if (constraint == null) {
      return Optional.empty();
    }
    DoseConstraint changed = new DoseConstraint();
    apply(changed, draft);
    refuseDuplicate(changed, id);
    apply(constraint, draft);
    return Optional.of(constraint);
  }

  /** The unique key (structure, metric, comparator, limit) checked first, to say which one. */
  private void refuseDuplicate(DoseConstraint c, Integer exceptId) {
    List<Integer> same =
        new java.util.ArrayList<>(
            em.createQuery(
                    "select c.id from DoseConstraint c where c.standardName = :name"
                        + " and c.metric = :metric and c.comparator = :comparator"
                        + " and c.limitValue = :limit",
                    Integer.class)
                .setParameter("name", c.getStandardName())
                .setParameter("metric", c.getMetric())
                .setParameter("comparator", c.getComparator())
                .setParameter("limit", c.getLimitValue())
                .getResultList());
    same.removeIf(id -> id.equals(exceptId));
    if (!same.isEmpty()) {
      throw new DuplicateConstraintException(
          "constraint "
              + same.get(0)
              + " is already "
              + c.getStandardName()
              + " "
              + c.getMetric()
              + " "
              + c.getComparator()
              + " "
              + c.getLimitValue()
              + "; change that one instead");
    }
  }

  /**
   * @return false when there was none with that id
   */
  @Transactional
  public boolean delete(int id) {
    DoseConstraint constraint = em.find(DoseConstraint.class, id);
    if (constraint == null) {
      return false;
    }
    em.remove(constraint);
    return true;
  }

  private static void apply(DoseConstraint c, Draft d) {
    if (d.standardName() == null || d.standardName().isBlank() || d.standardName().length() > 64) {
      throw new IllegalArgumentException(
          "standardName is required: the TG-263 name of the structure, e.g. Parotid_L");
    }
    Metric metric;
    try {
      metric = MetricParser.parse(d.metric() == null ? "" : d.metric());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("metric: " + e.getMessage(), e);
    }
    if (d.limit() == null || !Double.isFinite(d.limit())) {
      throw new IllegalArgumentException("limit is required: a number in the metric's unit");
    }
    String unit = d.unit() == null || d.unit().isBlank() ? metric.unit() : d.unit().trim();
    if (!unit.equals(metric.unit())) {
      throw new IllegalArgumentException(
          "unit '"
              + unit
              + "' does not match metric "
              + metric.canonicalName()
              + ", which is in '"
              + metric.unit()
              + "'");
    }
    c.setStandardName(d.standardName().trim());
    c.setMetric(metric.canonicalName());
    c.setComparator(ConstraintCheck.comparator(d.comparator()));
    c.setLimitValue(d.limit());
    c.setUnit(unit);
    c.setSource(d.source());
    c.setNote(d.note());
    c.setActive(d.active() == null || d.active());
  }
}
