package org.rtds.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentedSchemaTest {

  @Test
  void readsTableColumnTypeAndTheDocumentedSpelling() {
    DocumentedSchema schema =
        DocumentedSchema.parse(
            List.of(
                "# comment",
                "table\tcolumn\ttype\tdocumented_as",
                "rt_dvh\tid\tint(11)\t",
                "rt_dvh\tDVHType\tVARCHAR(10)",
                "",
                "rt_dose\tReferencedRTPlanSequence\tvarchar(100)\teferencedRTPlanSequence",
                "django_admin_log\taction_flag\tsmallint(5) UNSIGNED\t"));

    assertThat(schema.tableNames()).containsExactly("rt_dvh", "rt_dose", "django_admin_log");
    assertThat(schema.table("rt_dvh").columns())
        .extracting(DocumentedSchema.Column::name, DocumentedSchema.Column::type)
        .containsExactly(tuple("id", "int(11)"), tuple("DVHType", "varchar(10)"));
    assertThat(schema.table("rt_dose").columns().get(0).acceptedNames())
        .containsExactly("ReferencedRTPlanSequence", "eferencedRTPlanSequence");
    assertThat(schema.table("rt_dvh").columns().get(0).acceptedNames()).containsExactly("id");
    assertThat(schema.table("django_admin_log").columns().get(0).type())
        .isEqualTo("smallint(5) unsigned");
    assertThat(schema.columnCount()).isEqualTo(4);
  }

  @Test
  void rejectsALineWithoutAType() {
    assertThatThrownBy(() -> DocumentedSchema.parse(List.of("rt_dvh\tid")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rt_dvh");
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
  void theCommittedDescriptionHas26TablesAnd199Columns() {
    DocumentedSchema schema = DocumentedSchema.load();

    assertThat(schema.tables()).hasSize(26);
    assertThat(schema.columnCount()).isEqualTo(199);
    assertThat(schema.table("rt_dvh").columns())
        .extracting(DocumentedSchema.Column::name)
        .contains("DVHType", "fk_study_id")
        .hasSize(17);
    assertThat(schema.table("rt_dose").columns())
        .filteredOn(c -> c.name().equals("ReferencedRTPlanSequence"))
        .singleElement()
        .extracting(DocumentedSchema.Column::documentedAs)
        .isEqualTo("eferencedRTPlanSequence");
  }
}
