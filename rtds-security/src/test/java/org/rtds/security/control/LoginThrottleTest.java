package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void anAccountIsRefusedFromAnAddressAfterFiveFailures() {
    assertThat(LoginThrottle.refusal(4, 4)).isNull();
    assertThat(LoginThrottle.refusal(5, 5)).contains("this account from this address");
  }

  @Test
  void anAddressIsRefusedAfterThirtyFailuresOverAnyAccounts() {
    assertThat(LoginThrottle.refusal(0, 29)).isNull();
    assertThat(LoginThrottle.refusal(0, 30)).contains("from this address").contains("15 minutes");
  }
}
