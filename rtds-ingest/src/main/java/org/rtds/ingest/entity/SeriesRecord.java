package org.rtds.ingest.entity;

import java.time.LocalDateTime;
import java.util.List;
import org.rtds.ingest.entity.StudyRecord.SeriesListing;

/**
 * What RTDS holds of one series of a study: the series and the objects of it RTDS received.
 *
 * @param series the series as listed
 * @param instances the objects of the series RTDS received, in the order they arrived; empty for a
 *     series adopted from a legacy Django database, whose objects RTDS never received as files
 */
public record SeriesRecord(SeriesListing series, List<InstanceListing> instances) {

  public SeriesRecord {
    instances = List.copyOf(instances);
  }

  /**
   * One received object ({@code rtds_object}).
   *
   * @param sopInstanceUid SOP Instance UID (0008,0018)
   * @param sopClassUid SOP Class UID (0008,0016)
   * @param modality Modality (0008,0060)
   * @param transferSyntaxUid the transfer syntax it was received and is kept in
   * @param sizeBytes the file's size in bytes
   * @param receivedAt when RTDS stored it, UTC
   * @param channel how it arrived: an {@link IngestChannel} name
   */
  public record InstanceListing(
      String sopInstanceUid,
      String sopClassUid,
      String modality,
      String transferSyntaxUid,
      long sizeBytes,
      LocalDateTime receivedAt,
      String channel) {}
}
