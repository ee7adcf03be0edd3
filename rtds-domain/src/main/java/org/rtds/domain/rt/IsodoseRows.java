package org.rtds.domain.rt;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Writes many {@code rt_isdose} rows at once. A clinical study has about 1,400 isodose lines, and
 * {@code persist} writes them one statement and one round trip each: the ids are IDENTITY
 * (AUTO_INCREMENT), so Hibernate cannot batch them. Here they go as multi-row HQL inserts of {@link
 * #ROWS_PER_STATEMENT} rows, in the caller's transaction; the database assigns the ids.
 *
 * <p>The rows are not attached to the persistence context and get no id: use this where nothing
 * reads them back in the same unit of work (the feature writer deletes a dose's lines and writes
 * them anew). Covered by the mapping IT, which reads rows written this way back through JPA.
 */
public final class IsodoseRows {

  /** Rows per INSERT statement (8 parameters each). */
  public static final int ROWS_PER_STATEMENT = 100;

  private static final String TARGET =
      "insert into RtIsodose (rowPositions, columnPositions, isodoseLevel, ctImage, dose, patient,"
          + " series, study) values ";

  private IsodoseRows() {}

  /**
   * Inserts the rows.
   *
   * @param em the caller's entity manager, in a transaction
   * @param rows new rows with every column set (row and column positions, level, CT image, dose,
   *     patient, series, study); they stay detached and without id
   * @return the number of rows written
   */
  public static int insert(EntityManager em, List<RtIsodose> rows) {
    int written = 0;
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<RtIsodose> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      StringBuilder hql = new StringBuilder(TARGET);
      for (int i = 0; i < chunk.size(); i++) {
        hql.append(i == 0 ? "" : ", ")
            .append("(:r")
            .append(i)
            .append(", :c")
            .append(i)
            .append(", :l")
            .append(i)
            .append(", :i")
            .append(i)
            .append(", :d")
            .append(i)
            .append(", :p")
            .append(i)
            .append(", :se")
            .append(i)
            .append(", :st")
            .append(i)
            .append(')');
      }
      Query insert = em.createQuery(hql.toString());
      for (int i = 0; i < chunk.size(); i++) {
        RtIsodose row = chunk.get(i);
        insert
            .setParameter("r" + i, row.getRowPositions())
            .setParameter("c" + i, row.getColumnPositions())
            .setParameter("l" + i, row.getIsodoseLevel())
            .setParameter("i" + i, row.getCtImage())
            .setParameter("d" + i, row.getDose())
            .setParameter("p" + i, row.getPatient())
            .setParameter("se" + i, row.getSeries())
            .setParameter("st" + i, row.getStudy());
      }
      written += insert.executeUpdate();
    }
    return written;
  }
}
