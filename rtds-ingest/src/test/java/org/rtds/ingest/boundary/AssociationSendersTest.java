package org.rtds.ingest.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rtds.ingest.dicom.ReceivedDicomObject;

/** One account look-up per association, kept for a minute, never for a sender without one. */
class AssociationSendersTest {

  private Instant now = Instant.parse("2026-12-07T05:00:00Z");
  private final List<String> asked = new ArrayList<>();

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private Function<String, Optional<Integer>> accounts(Integer id) {
    return ae -> {
      asked.add(ae);
      return Optional.ofNullable(id);
    };
  }

  private static ReceivedDicomObject from(String address, String ae) {
    return new ReceivedDicomObject(
        Path.of("x.dcm"), ae, "RTDS", "1.2", "1.2.3", "1.2.840.10008.1.2", 10, address);
  }

  @Test
  void anAssociationIsAskedAboutOnceAndANewOneAgain() {
    AssociationSenders senders = new AssociationSenders(clock);
    for (int i = 0; i < 163; i++) {
      assertThat(senders.account(from("10.0.0.1:50001", "TPS"), accounts(7))).contains(7);
    }
    assertThat(asked).hasSize(1);
    senders.account(from("10.0.0.1:50002", "TPS"), accounts(7)); // the next association
    senders.account(from("10.0.0.1:50001", "OTHER"), accounts(8)); // another AE title
    assertThat(asked).hasSize(3);
  }

  @Test
  void theAnswerIsKeptForAMinuteSoAnInactiveAccountStopsSoon() {
    AssociationSenders senders = new AssociationSenders(clock);
    senders.account(from("10.0.0.1:50001", "TPS"), accounts(7));
    now = now.plus(AssociationSenders.KEPT).minusSeconds(1);
    senders.account(from("10.0.0.1:50001", "TPS"), accounts(7));
    assertThat(asked).hasSize(1);
    now = now.plus(Duration.ofSeconds(1));
    assertThat(senders.account(from("10.0.0.1:50001", "TPS"), accounts(null))).isEmpty();
    assertThat(asked).hasSize(2);
  }

  @Test
  void aSenderWithoutAccountIsAskedAboutWithEveryObject() {
    AssociationSenders senders = new AssociationSenders(clock);
    senders.account(from("10.0.0.1:50001", "NOBODY"), accounts(null));
    senders.account(from("10.0.0.1:50001", "NOBODY"), accounts(null));
    assertThat(asked).hasSize(2);
  }

  @Test
  void atMostSoManyAssociationsAreKept() {
    AssociationSenders senders = new AssociationSenders(clock);
    for (int port = 0; port <= AssociationSenders.MAX_ASSOCIATIONS; port++) {
      senders.account(from("10.0.0.1:" + port, "TPS"), accounts(7));
    }
    senders.account(from("10.0.0.1:0", "TPS"), accounts(7)); // the eldest went
    senders.account(from("10.0.0.1:2", "TPS"), accounts(7)); // still kept
    assertThat(asked).hasSize(AssociationSenders.MAX_ASSOCIATIONS + 2);
  }
}
