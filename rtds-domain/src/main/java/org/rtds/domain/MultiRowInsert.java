package org.rtds.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes many new rows of one entity with few statements: multi-row HQL inserts ({@code insert into
 * E (a, b) values (…), (…)}), in the caller's transaction. The ids are IDENTITY (AUTO_INCREMENT),
 * so Hibernate cannot batch {@code persist}: it sends one INSERT and waits for one round trip per
 * row, which made most of the write time of an RT Structure Set's 840 contours, an RT Dose's frames
 * and a study's 1,400 isodose lines.
 *
 * <p>The rows are not attached to the persistence context and get no id: use this where nothing
 * reads them back as entities in the same unit of work. The values are bound by attribute, so
 * converters and column types apply as for {@code persist}; the mapping ITs read rows written this
 * way back through JPA.
 *
 * @param <T> the row's type (the entity itself, or anything that gives its values)
 */
public final class MultiRowInsert<T> {

  private final String entity;
  private final List<String> attributes;
  private final String prefix;
  private final int attributeCount;
  private final Function<T, Object[]> values;
  private final int maxRows;
  private final ToLongFunction<T> size;
  private final long maxSize;

  private MultiRowInsert(
      String entity,
      List<String> attributes,
      Function<T, Object[]> values,
      int maxRows,
      ToLongFunction<T> size,
      long maxSize) {
    this.entity = entity;
    this.attributes = attributes;
    this.prefix = "insert into " + entity + " (" + String.join(", ", attributes) + ") values ";
    this.attributeCount = attributes.size();
    this.values = Objects.requireNonNull(values, "values");
    this.maxRows = maxRows;
    this.size = size;
    this.maxSize = maxSize;
  }

  /**
   * @param <T> the row's type
   * @param entity the entity's name in HQL (its simple class name)
   * @param attributes the attributes written, in the order {@code values} gives them
   * @param values one row's values, one per attribute (entities for associations)
   * @return an insert of at most 100 rows (and 1,000 values) per statement
   */
  public static <T> MultiRowInsert<T> of(
      String entity, List<String> attributes, Function<T, Object[]> values) {
    return new MultiRowInsert<>(
        entity,
        List.copyOf(attributes),
        values,
        Math.max(1, Math.min(100, 1000 / attributes.size())),
        row -> 0,
        Long.MAX_VALUE);
  }

  /**
   * A statement also ends before its rows' sizes pass {@code maxSize}, so that rows with large text
   * columns stay well within the server's packet limit (MariaDB: 16 MiB by default).
   *
   * @param rowSize a row's size (e.g. the characters of its large columns)
   * @param max the most per statement (a single larger row goes alone)
   * @return this insert with the limit
   */
  public MultiRowInsert<T> withSizeLimit(ToLongFunction<T> rowSize, long max) {
    return new MultiRowInsert<>(entity, attributes, values, maxRows, rowSize, max);
  }

  /**
   * Inserts the rows.
   *
   * @param em the caller's entity manager, in a transaction
   * @param rows the rows, every non-null column given
   * @return the number of rows written
   */
  public int insert(EntityManager em, List<T> rows) {
    int written = 0;
    int from = 0;
    while (from < rows.size()) {
      int to = from;
      long total = 0;
      while (to < rows.size() && to - from < maxRows) {
        long s = size.applyAsLong(rows.get(to));
        if (to > from && total + s > maxSize) {
          break;
        }
        total += s;
        to++;
      }
      written += statement(em, rows.subList(from, to)).executeUpdate();
      from = to;
    }
    return written;
  }

  private Query statement(EntityManager em, List<T> chunk) {
    StringBuilder hql = new StringBuilder(prefix.length() + chunk.size() * attributeCount * 8);
    hql.append(prefix);
    for (int r = 0; r < chunk.size(); r++) {
      hql.append(r == 0 ? "(" : ", (");
      for (int a = 0; a < attributeCount; a++) {
        hql.append(a == 0 ? ":v" : ", :v").append(r).append('_').append(a);
      }
      hql.append(')');
    }
    Query insert = em.createQuery(hql.toString());
    for (int r = 0; r < chunk.size(); r++) {
      Object[] row = values.apply(chunk.get(r));
      if (row.length != attributeCount) {
        throw new IllegalArgumentException(
            "a row gives " + row.length + " values for " + attributeCount + " attributes");
      }
      for (int a = 0; a < attributeCount; a++) {
        insert.setParameter("v" + r + "_" + a, row[a]);
      }
    }
    return insert;
  }
}
