package org.rtds.ingest.entity;

/** What became of one object (the {@code status} of the v1 ingest API). */
public enum IngestStatus {
  /** Stored now: its rows and its file are in RTDS. */
  STORED,
  /** The same object (same SOP Instance UID and bytes) was stored before; nothing changed. */
  DUPLICATE,
  /** Refused, with a reason; nothing of it was stored except the received bytes, kept aside. */
  REJECTED
}
