package org.rtds.web.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/**
 * What Jersey (Payara's JAX-RS) gets from the filter is what it can parse, with the same meaning.
 */
class UploadContentTypeFilterTest {

  @Test
  void anUnquotedTypeWithASlashWhichJerseyRefusesBecomesQuoted() {
    String sent = "multipart/related; type=application/dicom; boundary=0123abcd";
    assertThatThrownBy(() -> MediaType.valueOf(sent)).isInstanceOf(IllegalArgumentException.class);

    MediaType strict = MediaType.valueOf(UploadContentTypeFilter.strict(sent));

    assertThat(strict.getType() + "/" + strict.getSubtype()).isEqualTo("multipart/related");
    assertThat(strict.getParameters())
        .containsEntry("type", "application/dicom")
        .containsEntry("boundary", "0123abcd");
  }

  @Test
  void quotesBackslashesAndCaseSurvive() {
    MediaType strict =
        MediaType.valueOf(
            UploadContentTypeFilter.strict(
                "Multipart/Form-Data; BOUNDARY=\"with space \\\"q\\\" and ;\"; start=<1@x>"));
    assertThat(strict.getParameters())
        .containsEntry("boundary", "with space \"q\" and ;")
        .containsEntry("start", "<1@x>");
  }

  @Test
  void whatIsNotTokenSlashTokenIsLeftAlone() {
    assertThat(UploadContentTypeFilter.strict(null)).isNull();
    assertThat(UploadContentTypeFilter.strict("not a media type; boundary=x")).isNull();
  }
}
