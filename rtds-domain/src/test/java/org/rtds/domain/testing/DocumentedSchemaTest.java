package org.rtds.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentedSchemaTest {

  @Test
  void readsEveryWayTheDocumentWritesAColumn() {
    DocumentedSchema schema =
        DocumentedSchema.parse(
            List.of(
                "#### `rt_dvh` ",
                "Stores the Dose Volume Histogram",
                "**id**, `int(11)` -> The unique id",
                "**name** `varchar(80)` -> The name, e.g. `admins`",
                "**DVHType** -> `varchar(10)` unsure",
                "**fk_study_id_id**`int(11)` -> study",
                "**id2**-> `int(11)`",
                "**action_flag** `smallint(5) UNSIGNED`",
                "        and `continuation` lines are not columns",
                "#### `next`",
                "**change_message** `longtext`"));

    assertThat(schema.tableNames()).containsExactly("rt_dvh", "next");
    assertThat(schema.table("rt_dvh").columns())
        .extracting(DocumentedSchema.Column::name, DocumentedSchema.Column::type)
        .containsExactly(
            tuple("id", "int(11)"),
            tuple("name", "varchar(80)"),
            tuple("DVHType", "varchar(10)"),
            tuple("fk_study_id_id", "int(11)"),
            tuple("id2", "int(11)"),
            tuple("action_flag", "smallint(5) unsigned"));
    assertThat(schema.columnCount()).isEqualTo(7);
  }

  @Test
  void splitsTypesIntoBaseTypeAndLength() {
    assertThat(new DocumentedSchema.Column("a", "varchar(200)").baseType()).isEqualTo("varchar");
    assertThat(new DocumentedSchema.Column("a", "varchar(200)").length()).isEqualTo(200);
    assertThat(new DocumentedSchema.Column("a", "smallint(5) unsigned").baseType())
        .isEqualTo("smallint");
    assertThat(new DocumentedSchema.Column("a", "longtext").length()).isEqualTo(-1);
  }

  @Test
  void theRealDocumentHas26TablesAnd199Columns() {
    DocumentedSchema schema = DocumentedSchema.load();

    assertThat(schema.tables()).hasSize(26);
    assertThat(schema.columnCount()).isEqualTo(199);
    assertThat(schema.table("rt_dvh").columns())
        .extracting(DocumentedSchema.Column::name)
        .contains("DVHType", "fk_study_id")
        .hasSize(17);
  }
}
