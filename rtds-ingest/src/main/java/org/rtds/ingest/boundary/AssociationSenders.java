package org.rtds.ingest.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rtds.ingest.dicom.ReceivedDicomObject;

/**
 * The sending account of each DICOM association, looked up once per association instead of once per
 * object (a push of 163 objects asked the database 163–326 times). An association is its sender's
 * address and port with its calling AE title; its answer is kept for {@link #KEPT} at most, so that
 * an account made inactive stops a long push within that time, and for at most {@link
 * #MAX_ASSOCIATIONS} associations at once (the oldest go first). Only found accounts are kept: a
 * sender without an account is asked about again with its next object.
 *
 * <p>State of this node's listener only: an association lives on one node. Thread-safe.
 */
final class AssociationSenders {

  /** How long an association's account is kept. */
  static final Duration KEPT = Duration.ofSeconds(60);

  /** How many associations' accounts are kept at once. */
  static final int MAX_ASSOCIATIONS = 256;

  private record Entry(int accountId, Instant asked) {}

  private final Clock clock;

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ASSOCIATIONS;
        }
      };

  AssociationSenders() {
    this(Clock.systemUTC());
  }

  AssociationSenders(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param object an object received
   * @param lookUp the account for a calling AE title (a database query)
   * @return the association's account, asked for at most once per {@link #KEPT}
   */
  Optional<Integer> account(
      ReceivedDicomObject object, Function<String, Optional<Integer>> lookUp) {
    String association = object.remoteAddress() + " " + object.callingAeTitle();
    Instant now = clock.instant();
    synchronized (entries) {
      Entry kept = entries.get(association);
      if (kept != null && kept.asked().plus(KEPT).isAfter(now)) {
        return Optional.of(kept.accountId());
      }
    }
    Optional<Integer> account = lookUp.apply(object.callingAeTitle());
    synchronized (entries) {
      if (account.isPresent()) {
        entries.put(association, new Entry(account.get(), now));
      } else {
        entries.remove(association);
      }
    }
    return account;
  }
}
