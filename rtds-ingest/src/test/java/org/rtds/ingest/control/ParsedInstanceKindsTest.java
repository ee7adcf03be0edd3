package org.rtds.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rtds.ingest.control.ParsedInstance.CtSlice;
import org.rtds.ingest.control.ParsedInstance.Dose;
import org.rtds.ingest.control.ParsedInstance.Plan;
import org.rtds.ingest.control.ParsedInstance.StructureSet;

/**
 * The type switches over {@link ParsedInstance} ({@link IngestWriter}'s dispatch to its modality
 * writers, {@link ContentFingerprint}) know four kinds and fail on any other. The interface is
 * sealed, so no test can make a fifth kind to see them fail; this test fails instead when one is
 * permitted, so that whoever adds it gives it a writer and a fingerprint.
 */
class ParsedInstanceKindsTest {

  @Test
  void theSwitchesKnowEveryPermittedKind() {
    assertThat(ParsedInstance.class.isSealed()).isTrue();
    assertThat(ParsedInstance.class.getPermittedSubclasses())
        .as(
            "kinds of ParsedInstance; a new one needs a ModalityWriter and a ContentFingerprint part")
        .containsExactlyInAnyOrder(CtSlice.class, StructureSet.class, Plan.class, Dose.class);
  }
}
