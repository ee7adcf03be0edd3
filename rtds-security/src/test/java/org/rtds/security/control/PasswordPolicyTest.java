package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(PasswordPolicy.problems("linac-beam-7-Gantry", "jdoe")).isEmpty();
  }

  @Test
  void refusesShortNumericCommonAndNameBearingPasswords() {
    assertThat(PasswordPolicy.problems("short1", "jdoe"))
        .containsExactly("the password must have at least 10 characters");
    assertThat(PasswordPolicy.problems("12345678901", "jdoe"))
        .containsExactly("the password must not be entirely numeric");
    assertThat(PasswordPolicy.problems("Password123", "jdoe"))
        .containsExactly("the password is too common");
    assertThat(PasswordPolicy.problems("my-JDOE-secret-1", "jdoe"))
        .containsExactly("the password must not contain the account name");
    assertThat(PasswordPolicy.problems(null, "jdoe")).hasSize(1);
    assertThat(PasswordPolicy.problems("x".repeat(5000), "jdoe"))
        .containsExactly("the password must have at most 4096 characters");
  }
}
