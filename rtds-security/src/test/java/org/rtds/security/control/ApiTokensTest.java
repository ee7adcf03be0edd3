package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

  private final ApiTokens tokens = new ApiTokens();

  @Test
  void tokensAreWellFormedDistinctAndHashedStably() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String t = tokens.generate();
      assertThat(t).matches("rtds_[0-9A-Za-z]{43}");
      assertThat(ApiTokens.wellFormed(t)).isTrue();
      seen.add(t);
    }
    assertThat(seen).hasSize(1000);
    // the FIPS 180-2 test vector
    assertThat(ApiTokens.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ApiTokens.wellFormed("rtds_short")).isFalse();
    assertThat(ApiTokens.wellFormed("rtds_" + "!".repeat(43))).isFalse();
    assertThat(ApiTokens.wellFormed(null)).isFalse();
  }

  @Test
  void scopesParseFormatAndNarrow() {
    Set<RtdsPermission> scope = ApiTokens.parseScope(" add_instance, view_patient ");
    assertThat(scope)
        .containsExactlyInAnyOrder(RtdsPermission.ADD_INSTANCE, RtdsPermission.VIEW_PATIENT);
    assertThat(ApiTokens.formatScope(scope)).isEqualTo("view_patient,add_instance");
    assertThat(ApiTokens.parseScope("")).isEmpty();
    assertThatThrownBy(() -> ApiTokens.parseScope("view_patient,drop_table"))
        .hasMessageContaining("unknown permission 'drop_table'");

    Set<RtdsPermission> held =
        EnumSet.of(RtdsPermission.VIEW_PATIENT, RtdsPermission.VIEW_KNOWLEDGE_BASE);
    assertThat(ApiTokens.effective(held, Set.of())).isEqualTo(held);
    // a scope never adds what the account does not hold
    assertThat(ApiTokens.effective(held, scope)).containsExactly(RtdsPermission.VIEW_PATIENT);
  }
}
