package org.rtds.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  @Test
  void onlyListedOriginsAreAllowedExactlyAndNoneByDefault() {
    assertThat(CorsFilter.allowed(List.of(), "https://a.example")).isFalse();
    List<String> listed = List.of("https://a.example", "http://localhost:3000");
    assertThat(CorsFilter.allowed(listed, "https://a.example")).isTrue();
    assertThat(CorsFilter.allowed(listed, "HTTPS://A.EXAMPLE")).isTrue();
    assertThat(CorsFilter.allowed(listed, "http://localhost:3000")).isTrue();
    assertThat(CorsFilter.allowed(listed, "https://a.example.evil.com")).isFalse();
    assertThat(CorsFilter.allowed(listed, "http://a.example")).isFalse();
    assertThat(CorsFilter.allowed(listed, "null")).isFalse();
    assertThat(CorsFilter.allowed(List.of("*"), "https://anything.example")).isTrue();
  }
}
