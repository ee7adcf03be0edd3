package org.rtds.domain.schema;

import java.util.List;
import org.rtds.domain.testing.TestDatabase;

/** Reads Flyway's history table for assertions. */
final class FlywayHistory {

  private FlywayHistory() {}

  /** One line per history row in installation order: "version type description success". */
  static List<String> of(TestDatabase database) {
    return database
        .query(
            "select concat_ws(' ', version, type, description, if(success, 'true', 'false')) as"
                + " line from flyway_schema_history order by installed_rank")
        .stream()
        .map(row -> (String) row.get("line"))
        .toList();
  }
}
