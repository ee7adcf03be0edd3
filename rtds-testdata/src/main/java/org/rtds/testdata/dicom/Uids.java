package org.rtds.testdata.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UID generation under the {@code 2.25} root (PS3.5 §B.2: a UUID written as one unsigned decimal
 * integer). Name-based UIDs are deterministic, so a generator run with the same seed writes the
 * same UIDs. Every UID produced is at most 44 characters.
 */
public final class Uids {

  /** The UUID-derived root of PS3.5 §B.2. */
  public static final String UUID_ROOT = "2.25";

  /** (0002,0012) ImplementationClassUID of files written by this module. */
  public static final String IMPLEMENTATION_CLASS_UID = fromName("org.rtds.testdata.DicomWriter");

  /**
   * (0002,0013) ImplementationVersionName of files written by this module (SH, at most 16
   * characters).
   */
  public static final String IMPLEMENTATION_VERSION_NAME = "RTDS_TESTDATA_1";

  /** CT Image Storage SOP class. */
  public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

  /** RT Dose Storage SOP class. */
  public static final String RT_DOSE_STORAGE = "1.2.840.10008.5.1.4.1.1.481.2";

  /** RT Structure Set Storage SOP class. */
  public static final String RT_STRUCTURE_SET_STORAGE = "1.2.840.10008.5.1.4.1.1.481.3";

  /** RT Plan Storage SOP class. */
  public static final String RT_PLAN_STORAGE = "1.2.840.10008.5.1.4.1.1.481.5";

  private Uids() {}

  /**
   * A deterministic UID: {@code 2.25.} followed by the name-based (type 3) UUID of {@code name}.
   */
  public static String fromName(String name) {
    return fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** A random UID: {@code 2.25.} followed by a random (type 4) UUID. */
  public static String random() {
    return fromUuid(UUID.randomUUID());
  }

  /** {@code 2.25.} followed by the UUID as an unsigned 128-bit decimal integer. */
  public static String fromUuid(UUID uuid) {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return UUID_ROOT + "." + new BigInteger(1, b.array());
  }
}
