package org.rtds.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsAtTheFirstColonSoPasswordsMayContainColons() {
    var credentials = RtdsAuthenticationMechanism.Credentials.fromBasic(basic("physicist:a:b:c"));
    assertThat(credentials.username).isEqualTo("physicist");
    assertThat(new String(credentials.password)).isEqualTo("a:b:c");
  }

  @Test
  void decodesUtf8() {
    var credentials = RtdsAuthenticationMechanism.Credentials.fromBasic(basic("jürgen:pässwörd"));
    assertThat(credentials.username).isEqualTo("jürgen");
    assertThat(new String(credentials.password)).isEqualTo("pässwörd");
  }

  @Test
  void rejectsMalformedInput() {
    assertThat(RtdsAuthenticationMechanism.Credentials.fromBasic("%%%not-base64")).isNull();
    assertThat(RtdsAuthenticationMechanism.Credentials.fromBasic(basic("no-colon"))).isNull();
    assertThat(RtdsAuthenticationMechanism.Credentials.fromBasic(basic(":empty-user"))).isNull();
  }

  @Test
  void clearWipesThePassword() {
    var credentials = RtdsAuthenticationMechanism.Credentials.fromBasic(basic("a:secret"));
    credentials.clear();
    assertThat(new String(credentials.password)).isEqualTo("\0\0\0\0\0\0");
  }
}
