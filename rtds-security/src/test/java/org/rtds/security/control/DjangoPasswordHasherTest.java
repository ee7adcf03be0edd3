package org.rtds.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors produced by Django 3.2.25's {@code django.contrib.auth.hashers.make_password} (Debian
 * python3-django; the table {@code django-password-hashes.tsv} by {@code
 * scripts/django-password-fixtures.py}), so the test checks compatibility with Django itself, not
 * with a re-implementation.
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
          "argon2$argon2id$v=19$m=999999999,t=2,p=8$c2FsdHNhbHQ$aGFzaGhhc2g",
          "argon2$argon2q$v=19$m=1024,t=2,p=8$c2FsdHNhbHQ$aGFzaGhhc2g",
          "argon2$argon2id$v=19$m=1024$c2FsdHNhbHQ$aGFzaGhhc2g",
          "bcrypt_sha256$$2b$12$short",
          "bcrypt$$2b$31$OLDT093TIT46FKlYklqjGezsviIfpGMWnZ/Z0Ds0MaivwaIgfsR1C",
          "scrypt$16384$salt$8$1$aGFzaA==",
          "md5$salt$5f4dcc3b5aa765d61d8327deb882cf99",
          "sha1$salt$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"
        }) {
      assertThat(hasher.verify("anything".toCharArray(), stored))
          .as(String.valueOf(stored))
          .isFalse();
    }
  }

  @Test
  void describeExplainsWhyAHashCannotBeUsed() {
    assertThat(DjangoPasswordHasher.describe("!abc")).contains("unusable");
    assertThat(DjangoPasswordHasher.describe("scrypt$16384$salt$8$1$aGFzaA=="))
        .contains("unsupported")
        .contains("scrypt");
    assertThat(DjangoPasswordHasher.describe("argon2$argon2id$x")).isEqualTo("argon2");
    assertThat(DjangoPasswordHasher.describe(DJANGO_LETMEIN))
        .isEqualTo("pbkdf2_sha256 with 260000 iterations");
  }

  /** Every row of django-password-hashes.tsv, made by Django's own hashers. */
  static Stream<Arguments> djangoHashes() throws IOException {
    try (InputStream in =
        DjangoPasswordHasherTest.class.getResourceAsStream("django-password-hashes.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.startsWith("#") && !line.startsWith("algorithm\t"))
              .map(line -> line.split("\t"))
              .map(f -> Arguments.of(f[0], f[1], f[2]))
              .toList()
              .stream();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("djangoHashes")
  void verifiesEveryFormatDjangoWrites(String algorithm, String password, String encoded) {
    assertThat(hasher.verify(password.toCharArray(), encoded)).isTrue();
    assertThat(hasher.verify((password + "!").toCharArray(), encoded)).isFalse();
    assertThat(hasher.verify(password.toUpperCase(Locale.ROOT).toCharArray(), encoded)).isFalse();
    // every format but today's pbkdf2_sha256 is replaced after a successful login
    assertThat(new DjangoPasswordHasher().needsRehash(encoded)).isTrue();
  }

  @Test
  void theFixturesCoverEveryFormatRtdsClaims() throws IOException {
    assertThat(djangoHashes().map(a -> (String) a.get()[0]).distinct())
        .containsExactlyInAnyOrder(
            "pbkdf2_sha256", "pbkdf2_sha1", "argon2", "argon2i", "bcrypt_sha256", "bcrypt");
  }

  @Test
  void bcryptReadsOnlyTheFirst72BytesAsDjangoDoes() throws IOException {
    String encoded =
        djangoHashes()
            .map(Arguments::get)
            .filter(a -> a[0].equals("bcrypt") && a[1].equals("p"))
            .map(a -> (String) a[2])
            .findFirst()
            .orElseThrow();
    assertThat(hasher.verify("p".toCharArray(), encoded)).isTrue();
    // bcrypt_sha256 exists because plain bcrypt ignores byte 73 onwards; the fixtures' long
    // password shows bcrypt_sha256 does not
    String longPassword = "x".repeat(80) + "-beyond-bcrypt-72-bytes";
    String sha256 =
        djangoHashes()
            .map(Arguments::get)
            .filter(a -> a[1].equals(longPassword))
            .map(a -> (String) a[2])
            .findFirst()
            .orElseThrow();
    assertThat(hasher.verify(("x".repeat(80) + "-other").toCharArray(), sha256)).isFalse();
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
