package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RtdsPermissionTest {

  @Test
  void rtdsCodenamesGrantTheirPermission() {
    for (RtdsPermission p : RtdsPermission.values()) {
      assertThat(RtdsPermission.grantedBy(Set.of(p.codename()))).containsExactly(p);
    }
  }

  @Test
  void legacyDjangoCodenamesKeepTheirMeaning() {
    // the legacy dsrt application's "UCLA doctors" group: add_patient and change_patient
    assertThat(RtdsPermission.grantedBy(List.of("add_patient", "change_patient")))
        .containsExactlyInAnyOrder(RtdsPermission.ADD_INSTANCE, RtdsPermission.VIEW_PATIENT);
    assertThat(RtdsPermission.grantedBy(List.of("view_patient")))
        .containsExactly(RtdsPermission.VIEW_PATIENT);
    assertThat(RtdsPermission.grantedBy(List.of("view_similarity")))
        .containsExactly(RtdsPermission.VIEW_KNOWLEDGE_BASE);
  }

  @Test
  void unrelatedAndAdministrativeCodenamesGrantNothing() {
    // Django's auth.change_user does not make an RTDS administrator (superuser and staff do)
    assertThat(RtdsPermission.grantedBy(List.of("add_user", "change_user", "add_logentry")))
        .isEmpty();
    assertThat(RtdsPermission.grantedBy(List.of("delete_patient"))).isEmpty();
    assertThat(RtdsPermission.grantedBy(List.of())).isEmpty();
  }

  @Test
  void codenamesAreDistinctAcrossPermissions() {
    List<String> all =
        java.util.Arrays.stream(RtdsPermission.values())
            .flatMap(p -> p.grantedBy().stream())
            .toList();
    assertThat(all).doesNotHaveDuplicates();
  }
}
