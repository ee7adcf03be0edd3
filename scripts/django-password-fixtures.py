#!/usr/bin/python3
"""Writes the Django password-hash fixtures RTDS's hasher tests verify against.

Run with Debian's Django (apt-get install python3-django python3-argon2 python3-bcrypt):
    /usr/bin/python3 scripts/django-password-fixtures.py > \
        rtds-security/src/test/resources/org/rtds/security/control/django-password-hashes.tsv

Every row is made by Django's own hashers (django.contrib.auth.hashers.make_password), with
Django's default parameters for its version, except the `argon2i` row: Django makes argon2id
hashes, older Django releases (1.10 to 2.x) made argon2i ones, which Django still verifies; that
row is made by Django's Argon2PasswordHasher with argon2-cffi's type set to argon2i. Output:
tab-separated `algorithm  password  encoded  django_version`, one row per hash, passwords in
UTF-8 (non-ASCII ones included, and one longer than bcrypt's 72-byte limit for bcrypt_sha256).
"""
import sys

import django
from django.conf import settings

settings.configure(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
        "django.contrib.auth.hashers.BCryptPasswordHasher",
    ]
)
django.setup()

import argon2  # noqa: E402
from django.contrib.auth.hashers import (  # noqa: E402
    Argon2PasswordHasher,
    check_password,
    make_password,
)

PASSWORDS = ["correct horse battery staple", "Jürgen-Müller 2017 ☢", "p"]
LONG = "x" * 80 + "-beyond-bcrypt-72-bytes"


class Argon2iHasher(Argon2PasswordHasher):
    """Django's hasher with argon2-cffi's argon2i type, as Django 1.10-2.x stored them."""

    def encode(self, password, salt):
        data = argon2.low_level.hash_secret(
            password.encode(),
            salt.encode(),
            time_cost=self.time_cost,
            memory_cost=self.memory_cost,
            parallelism=self.parallelism,
            hash_len=argon2.DEFAULT_HASH_LENGTH,
            type=argon2.low_level.Type.I,
        )
        return self.algorithm + data.decode("ascii")


rows = []
for algorithm in ["pbkdf2_sha256", "pbkdf2_sha1", "argon2", "bcrypt_sha256", "bcrypt"]:
    for password in PASSWORDS:
        rows.append((algorithm, password, make_password(password, hasher=algorithm)))
rows.append(("bcrypt_sha256", LONG, make_password(LONG, hasher="bcrypt_sha256")))
argon2i = Argon2iHasher()
for password in PASSWORDS:
    rows.append(("argon2i", password, argon2i.encode(password, argon2i.salt())))

out = sys.stdout
out.write("# Django password hashes made by scripts/django-password-fixtures.py; do not edit.\n")
out.write("algorithm\tpassword\tencoded\tdjango_version\n")
for algorithm, password, encoded in rows:
    assert check_password(password, encoded), (algorithm, password)
    assert not check_password(password + "!", encoded), (algorithm, password)
    out.write(f"{algorithm}\t{password}\t{encoded}\t{django.get_version()}\n")
