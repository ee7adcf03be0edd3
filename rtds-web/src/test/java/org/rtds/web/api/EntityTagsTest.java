package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

  @Test
  void theTagDependsOnTheBytesAndTheMediaTypeOnly() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String tag = EntityTags.tag("application/json", body);
    assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(EntityTags.tag("application/json", body.clone())).isEqualTo(tag);
    assertThat(EntityTags.tag("text/csv", body)).isNotEqualTo(tag);
    assertThat(EntityTags.tag("application/json", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(tag);
  }

  @Test
  void ifNoneMatchComparesWeaklyAndAcceptsListsAndTheWildcard() {
    String tag = "\"abc\"";
    assertThat(EntityTags.matches(null, tag)).isFalse();
    assertThat(EntityTags.matches("", tag)).isFalse();
    assertThat(EntityTags.matches("\"abc\"", tag)).isTrue();
    assertThat(EntityTags.matches("W/\"abc\"", tag)).isTrue();
    assertThat(EntityTags.matches("\"x\", \"abc\"", tag)).isTrue();
    assertThat(EntityTags.matches("*", tag)).isTrue();
    assertThat(EntityTags.matches("\"abcd\"", tag)).isFalse();
    assertThat(EntityTags.matches("abc", tag)).isFalse();
  }
}
