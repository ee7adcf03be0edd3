package org.rtds.domain.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtds.domain.patient.Study;

class FeatureJobTest {

  private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 9, 0);

  private static FeatureJob running(int requested) {
    FeatureJob job = FeatureJob.bookFor(new Study(), T0);
    for (int i = 0; i < requested; i++) {
      job.inputsChanged("inputs complete", T0);
    }
    job.setStatus(FeatureJobStatus.RUNNING); // what the claiming UPDATE does
    job.setClaimedBy("node-1");
    job.setLeaseUntil(T0.plusMinutes(10));
    return job;
  }

  @Test
  void aBookedJobIsPendingWithNothingRequestedOrComputed() {
    FeatureJob job = FeatureJob.bookFor(new Study(), T0);
    assertThat(job.getStatus()).isEqualTo(FeatureJobStatus.PENDING);
    assertThat(job.getRequestedGeneration()).isZero();
    assertThat(job.getComputedGeneration()).isZero();
    assertThat(job.getAttempts()).isZero();
    assertThat(job.getUpdatedAt()).isEqualTo(T0);
  }

  @Test
  void newInputsRequestAGenerationAndMakeADoneOrFailedJobPendingAgain() {
    for (FeatureJobStatus before :
        new FeatureJobStatus[] {FeatureJobStatus.DONE, FeatureJobStatus.FAILED}) {
      FeatureJob job = FeatureJob.bookFor(new Study(), T0);
      job.setStatus(before);
      job.inputsChanged("waiting for RTDOSE (CT 40, RTSTRUCT 1)", T0.plusMinutes(1));
      assertThat(job.getStatus()).isEqualTo(FeatureJobStatus.PENDING);
      assertThat(job.getRequestedGeneration()).isEqualTo(1);
      assertThat(job.getDetail()).isEqualTo("waiting for RTDOSE (CT 40, RTSTRUCT 1)");
      assertThat(job.getUpdatedAt()).isEqualTo(T0.plusMinutes(1));
    }
  }

  @Test
  void newInputsDuringARunLeaveItRunningAndItsEndMakesItPending() {
    FeatureJob job = running(1);
    job.inputsChanged("inputs complete (CT 41)", T0.plusMinutes(2));
    assertThat(job.getStatus()).isEqualTo(FeatureJobStatus.RUNNING);
    assertThat(job.getDetail()).isEqualTo("inputs complete");

    assertThat(job.finishRun(1, FeatureJobStatus.DONE, "DVHs of 4 ROIs", T0.plusMinutes(3)))
        .isTrue();
    assertThat(job.getStatus()).isEqualTo(FeatureJobStatus.PENDING);
    assertThat(job.getComputedGeneration()).isEqualTo(1);
    assertThat(job.getDetail()).isEqualTo("new objects arrived; computing again (DVHs of 4 ROIs)");
    assertThat(job.getClaimedBy()).isNull();
    assertThat(job.getLeaseUntil()).isNull();
  }

  @Test
  void aRunOfTheLatestInputsEndsAsItsOutcome() {
    for (FeatureJobStatus outcome : FeatureJobStatus.values()) {
      if (!outcome.endsARun()) {
        continue;
      }
      FeatureJob job = running(2);
      assertThat(job.finishRun(2, outcome, "detail", T0.plusMinutes(3))).isTrue();
      assertThat(job.getStatus()).isEqualTo(outcome);
      assertThat(job.getComputedGeneration()).isEqualTo(2);
      assertThat(job.getUpdatedAt()).isEqualTo(T0.plusMinutes(3));
    }
  }

  @Test
  void aRunWhoseLeaseWasTakenOverChangesNothing() {
    FeatureJob job = running(1);
    job.setStatus(FeatureJobStatus.DONE); // another node finished it meanwhile
    job.setClaimedBy("node-2");
    assertThat(job.finishRun(1, FeatureJobStatus.FAILED, "late", T0.plusMinutes(20))).isFalse();
    assertThat(job.getStatus()).isEqualTo(FeatureJobStatus.DONE);
    assertThat(job.getClaimedBy()).isEqualTo("node-2");
    assertThat(job.getComputedGeneration()).isZero();
  }

  @Test
  void aRunCannotEndRunningAndDetailsFitTheColumn() {
    assertThatThrownBy(() -> running(1).finishRun(1, FeatureJobStatus.RUNNING, "x", T0))
        .isInstanceOf(IllegalArgumentException.class);
    FeatureJob job = running(1);
    job.finishRun(1, FeatureJobStatus.FAILED, "x".repeat(5000), T0);
    assertThat(job.getDetail()).hasSize(FeatureJob.DETAIL_LENGTH).endsWith("x...");
  }

  @Test
  void featuresNeedACtAStructureSetAndADose() {
    assertThat(FeatureInputs.missing(Map.of())).containsExactly("CT", "RTSTRUCT", "RTDOSE");
    assertThat(FeatureInputs.missing(Map.of("CT", 40L, "RTPLAN", 1L, "RTDOSE", 0L)))
        .containsExactly("RTSTRUCT", "RTDOSE");
    assertThat(FeatureInputs.missing(Map.of("CT", 1L, "RTSTRUCT", 1L, "RTDOSE", 2L))).isEmpty();
  }

  @Test
  void theStatusIsStoredAsItsName() {
    FeatureJobStatusConverter converter = new FeatureJobStatusConverter();
    for (FeatureJobStatus status : FeatureJobStatus.values()) {
      assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(status)))
          .isEqualTo(status);
      assertThat(converter.convertToDatabaseColumn(status)).isEqualTo(status.name());
    }
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThatThrownBy(() -> converter.convertToEntityAttribute("WAITING"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
