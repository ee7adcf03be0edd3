package org.rtds.security.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one rule of who sees which study identifiably, and how a study is named to everyone else.
 * Plain Java.
 *
 * <p>A study is identifiable to the accounts of the hospital that sent it and to superusers (a
 * {@link HospitalScope}). Every other caller may still use the study as knowledge-base evidence
 * (ranking, achievable doses, DVH bands) but sees it only under its de-identified key: {@code KB-}
 * and 16 base-32 characters of HMAC-SHA256(installation secret, "study:" + row id). The key is
 * stable (the same study has the same key in every answer, on every node) and reveals nothing: no
 * name, ID, date or UID, and without the secret it cannot be linked to the row id.
 */
public final class StudyVisibility {

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final byte[] secret;

  /**
   * @param secret the installation's study-key secret (at least 16 bytes)
   */
  public StudyVisibility(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the study-key secret must have at least 16 bytes");
    }
    this.secret = secret.clone();
  }

  /**
   * @param caller whose patients the caller sees
   * @param senderAccountId the account that sent the study ({@code studies.fk_user_id_id}), null
   *     for legacy rows without one
   * @return whether the caller may see the study's identity (UID, patient, dates)
   */
  public static boolean identifiable(HospitalScope caller, Integer senderAccountId) {
    return caller.includes(senderAccountId);
  }

  /**
   * @param studyId the study's row id
   * @return its de-identified key, e.g. {@code KB-7Q2M4XK3J5ZB6RGA}
   */
  public String deidentifiedKey(int studyId) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac = hmac.doFinal(("study:" + studyId).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
    StringBuilder key = new StringBuilder("KB-");
    long bits = 0;
    for (int i = 0; i < 10; i++) { // 80 bits = 16 base-32 characters
      bits = (bits << 8) | (mac[i] & 0xff);
      if (i % 5 == 4) {
        for (int c = 7; c >= 0; c--) {
          key.append(BASE32[(int) ((bits >>> (5 * c)) & 31)]);
        }
        bits = 0;
      }
    }
    return key.toString().toUpperCase(Locale.ROOT);
  }
}
