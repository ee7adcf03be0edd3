package org.rtds.ingest.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DicomStoreOutcomeTest {

  @Test
  void failuresNeedAReasonAndSuccessesHaveNone() {
    assertThatThrownBy(
            () -> DicomStoreOutcome.failure(DicomStoreOutcome.Kind.CANNOT_UNDERSTAND, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DicomStoreOutcome.failure(DicomStoreOutcome.Kind.SUCCESS, "fine"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DicomStoreOutcome(DicomStoreOutcome.Kind.DUPLICATE, "again"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DicomStoreOutcome.success().status()).isZero();
    assertThat(DicomStoreOutcome.duplicate().status()).isZero();
    assertThat(DicomStoreOutcome.success().errorComment()).isEmpty();
  }

  @Test
  void statusCodesAreThoseOfPs34() {
    assertThat(DicomStoreOutcome.Kind.OUT_OF_RESOURCES.status()).isEqualTo(0xA700);
    assertThat(DicomStoreOutcome.Kind.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.status()).isEqualTo(0xA900);
    assertThat(DicomStoreOutcome.Kind.CANNOT_UNDERSTAND.status()).isEqualTo(0xC000);
    assertThat(DicomStoreOutcome.Kind.SOP_CLASS_NOT_SUPPORTED.status()).isEqualTo(0x0122);
    assertThat(DicomStoreOutcome.Kind.PROCESSING_FAILURE.status()).isEqualTo(0x0110);
  }

  @Test
  void theErrorCommentIsAValidLongString() {
    DicomStoreOutcome outcome =
        DicomStoreOutcome.failure(
            DicomStoreOutcome.Kind.CANNOT_UNDERSTAND, "ROI  \"Rektum\\Blase\"\nnicht lesbar: ü");

    assertThat(outcome.errorComment()).isEqualTo("ROI  \"Rektum/Blase\" nicht lesbar: ?");
    String cut =
        DicomStoreOutcome.failure(DicomStoreOutcome.Kind.PROCESSING_FAILURE, "a".repeat(70))
            .errorComment();
    assertThat(cut).hasSize(DicomStoreOutcome.MAX_COMMENT_LENGTH).endsWith("a...");
  }

  @Test
  void settingsRefuseWhatDicomCannotCarry() {
    Path spool = Path.of("spool");
    assertThatThrownBy(() -> DicomListenerSettings.of(0, "A_TITLE_LONGER_THAN_16", spool))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DicomListenerSettings.of(0, "  ", spool))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DicomListenerSettings.of(0, "RT\\DS", spool))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DicomListenerSettings.of(70000, "RTDS", spool))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DicomListenerSettings.of(0, "RTDS", spool).withMaxObjectBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DicomListenerSettings.of(104, " RTDS ", spool).aeTitle()).isEqualTo("RTDS");
  }

  @Test
  void storableTransferSyntaxesIncludeCompressedOnesButNoPrivateOnes() {
    assertThat(StorePresentationContextPolicy.isStorable("1.2.840.10008.1.2.5")).isTrue();
    assertThat(StorePresentationContextPolicy.isStorable("1.2.840.10008.1.2.4.90")).isTrue();
    assertThat(StorePresentationContextPolicy.isStorable("1.2.840.10008.1.2.1.99")).isTrue();
    assertThat(StorePresentationContextPolicy.isStorable("1.2.840.10008.1.2.4.")).isFalse();
    assertThat(StorePresentationContextPolicy.isStorable("1.3.6.1.4.1.5962.300.1")).isFalse();
  }
}
