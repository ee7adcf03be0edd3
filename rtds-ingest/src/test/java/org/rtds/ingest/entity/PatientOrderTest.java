package org.rtds.ingest.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PatientOrderTest {

  @Test
  void blankIsByNameAndAKeyAnyCaseWithAMinusIsDescending() {
    assertThat(PatientOrder.parse(null)).isEqualTo(PatientOrder.DEFAULT);
    assertThat(PatientOrder.parse(" ")).isEqualTo(PatientOrder.DEFAULT);
    assertThat(PatientOrder.parse("birthdate"))
        .isEqualTo(new PatientOrder(PatientOrder.Key.BIRTH_DATE, false));
    assertThat(PatientOrder.parse("-studies"))
        .isEqualTo(new PatientOrder(PatientOrder.Key.STUDIES, true));
  }

  @Test
  void theClauseSortsMissingValuesLastAndTiesById() {
    assertThat(PatientOrder.DEFAULT.jpql()).isEqualTo(" order by p.patientName nulls last, p.id");
    assertThat(PatientOrder.parse("-birthDate").jpql())
        .isEqualTo(" order by p.birthDate desc nulls last, p.id desc");
  }

  @Test
  void anythingElseIsRefusedNamingTheKeysAndNeverReachesTheQuery() {
    assertThatThrownBy(() -> PatientOrder.parse("p.id; drop table patients"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name, patientId, birthDate, studies, lastReceived")
        .hasMessageContaining("p.id; drop table patients");
    assertThatThrownBy(() -> PatientOrder.parse("--name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
