package org.rtds.ingest.entity;

import java.util.Objects;

/**
 * Who sent an object and how.
 *
 * @param accountId {@code auth_user.id} of the sending account: patients and studies are scoped by
 *     it, never merged across accounts (hospitals)
 * @param channel the channel
 * @param origin what identifies the sender on that channel: calling AE title, client address, file
 *     name (free text, for the audit trail)
 */
public record IngestOrigin(int accountId, IngestChannel channel, String origin) {
  public IngestOrigin {
    Objects.requireNonNull(channel, "channel");
  }
}
