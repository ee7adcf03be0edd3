package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Vectors produced by Django 3.2.25's {@code django.contrib.auth.hashers.make_password} (Debian
 * python3-django), so the test checks compatibility with Django itself, not with a
 * re-implementation.
 */
class DjangoPasswordHasherTest {

  private static final String DJANGO_LETMEIN =
      "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
  private static final String DJANGO_SHA1 = "pbkdf2_sha1$260000$abc$4kfE1aTZpnheVr7GVVl7pCtHU5Y=";
  private static final String DJANGO_UNICODE =
      "pbkdf2_sha256$260000$saltysalt$OsHKYW0+pSjtv0CDbp+69/EJVZ75GUOBpMgvEuGcsB8=";

  private final DjangoPasswordHasher hasher = new DjangoPasswordHasher(1_000);

  @Test
  void verifiesDjangoProducedSha256Hash() {
    assertThat(hasher.verify("lètmein".toCharArray(), DJANGO_LETMEIN)).isTrue();
    assertThat(hasher.verify("letmein".toCharArray(), DJANGO_LETMEIN)).isFalse();
  }

  @Test
  void verifiesDjangoProducedSha1Hash() {
    assertThat(hasher.verify("admin".toCharArray(), DJANGO_SHA1)).isTrue();
    assertThat(hasher.verify("Admin".toCharArray(), DJANGO_SHA1)).isFalse();
  }

  @Test
  void verifiesNonAsciiPasswordsAsUtf8() {
    assertThat(hasher.verify("pässwörd 🔒".toCharArray(), DJANGO_UNICODE)).isTrue();
  }

  @Test
  void encodeReproducesDjangoStringExactly() {
    assertThat(
            DjangoPasswordHasher.encode(
                DjangoPasswordHasher.Algorithm.PBKDF2_SHA256,
                "lètmein".toCharArray(),
                "seasalt",
                260_000))
        .isEqualTo(DJANGO_LETMEIN);
  }

  @Test
  void newHashesAreDjangoFormatWithRandomSaltAndVerify() {
    String first = hasher.hash("s3cret".toCharArray());
    String second = hasher.hash("s3cret".toCharArray());
    assertThat(first).matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
    assertThat(first).isNotEqualTo(second);
    assertThat(hasher.verify("s3cret".toCharArray(), first)).isTrue();
    assertThat(hasher.verify("s3cret ".toCharArray(), first)).isFalse();
  }

  @Test
  void unusableMalformedAndUnsupportedHashesNeverVerify() {
    for (String stored :
        new String[] {
          null,
          "",
          "!unusablexyz",
          "pbkdf2_sha256$abc$salt$hash",
          "pbkdf2_sha256$0$salt$YlZ2",
          "pbkdf2_sha256$1000$$YlZ2",
          "pbkdf2_sha256$1000$salt$not base64!",
          "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA",
          "md5$salt$5f4dcc3b5aa765d61d8327deb882cf99"
        }) {
      assertThat(hasher.verify("anything".toCharArray(), stored))
          .as(String.valueOf(stored))
          .isFalse();
    }
  }

  @Test
  void describeExplainsWhyAHashCannotBeUsed() {
    assertThat(DjangoPasswordHasher.describe("!abc")).contains("unusable");
    assertThat(DjangoPasswordHasher.describe("argon2$argon2id$x"))
        .contains("unsupported")
        .contains("argon2");
    assertThat(DjangoPasswordHasher.describe(DJANGO_LETMEIN))
        .isEqualTo("pbkdf2_sha256 with 260000 iterations");
  }

  @Test
  void weakerHashesNeedRehash() {
    assertThat(hasher.needsRehash(DJANGO_SHA1)).isTrue();
    assertThat(new DjangoPasswordHasher().needsRehash(DJANGO_LETMEIN)).isTrue();
    assertThat(hasher.needsRehash(DJANGO_LETMEIN)).isFalse();
  }

  @Test
  void rejectsNonPositiveIterationsAndBadSalt() {
    assertThatThrownBy(() -> new DjangoPasswordHasher(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DjangoPasswordHasher.encode(
                    DjangoPasswordHasher.Algorithm.PBKDF2_SHA256, "x".toCharArray(), "a$b", 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
