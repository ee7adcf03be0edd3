#!/usr/bin/env bash
# Installs PixelMed into the local Maven repository as com.pixelmed:pixelmed:20220618.
#
# PixelMed has no Maven coordinates and dcm4che is not on Maven Central (docs: dicom-pixelmed.md), so the jar is
# taken from Debian's libpixelmed-java package (downloaded, not installed: installing would pull in Debian's old
# slf4j, hsqldb and jmdns jars). META-INF/MANIFEST.MF is removed because its Class-Path names absolute system jars
# (slf4j 1.7 from /usr/share/java won over the project's slf4j 2 in tests). scripts/pixelmed/pom.xml declares the
# runtime dependencies from Maven Central instead.
#
# Idempotent: a no-op when the installed jar has the pinned checksum and the installed POM equals
# scripts/pixelmed/pom.xml.
#
# Environment:
#   PIXELMED_JAR=/path/to/pixelmed.jar   install this file instead of downloading the Debian package. It must be
#                                        Debian's jar (with or without manifest) unless PIXELMED_JAR_SHA256 is set.
#   PIXELMED_JAR_SHA256=<hex>            accept a different jar: the SHA-256 of the jar as installed (manifest
#                                        removed). Use only for a file you trust.
#
# The local Maven repository is wherever Maven puts it (settings.xml's localRepository, -Dmaven.repo.local in
# MAVEN_OPTS or .mvn/maven.config, else ~/.m2/repository of the JVM's user.home, which comes from the password
# database and not from $HOME): the script asks Maven (help:evaluate), so the jar lands where every build looks.
#
# When Debian replaces the package (a point release), this script fails and says which pins to change.
set -euo pipefail

readonly PIXELMED_VERSION=20220618
readonly DEB_PACKAGE=libpixelmed-java
readonly DEB_VERSION=20220618+dfsg-1
# SHA-256 of libpixelmed-java_20220618+dfsg-1_all.deb; equals the SHA256 field of Debian bookworm's signed
# Packages index (`apt-cache show libpixelmed-java`), which apt-get download also checks.
readonly DEB_SHA256=fe302a68a30bd33c6e22898fbd47493da775f9715e0f1d0b68f5a5b514c24e39
# SHA-256 of usr/share/java/pixelmed-20220618.jar inside that .deb, as shipped (with Debian's manifest).
readonly DEBIAN_JAR_SHA256=85ce8bcb92952fd76fbc064927dbb76d8aa5a5dfc2b2dce7db2d6b00e464d6f7
# SHA-256 of that jar after `zip -d pixelmed.jar META-INF/MANIFEST.MF` (Info-ZIP 3.0): the jar that is installed.
readonly STRIPPED_JAR_SHA256=8f5141b89b739bb19bff0830791c61c8fa23505d4c63444352691a23a425de14

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT
readonly POM_FILE="$SCRIPT_DIR/pixelmed/pom.xml"
if [ -x "$REPO_ROOT/mvnw" ]; then MVN=("$REPO_ROOT/mvnw"); else MVN=(mvn); fi
readonly MVN
readonly HELP_PLUGIN=org.apache.maven.plugins:maven-help-plugin:3.5.1
readonly EXPECTED_SHA256="${PIXELMED_JAR_SHA256:-$STRIPPED_JAR_SHA256}"

info() { echo "install-pixelmed: $*"; }
fail() {
  echo "install-pixelmed: ERROR: $*" >&2
  exit 1
}
sha256() { sha256sum "$1" | cut -d' ' -f1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

[ -f "$POM_FILE" ] || fail "missing $POM_FILE (the POM declaring PixelMed's dependencies)"
command -v sha256sum >/dev/null || fail "sha256sum not found (Debian package coreutils)"
command -v "${MVN[0]}" >/dev/null || fail "neither $REPO_ROOT/mvnw nor mvn is available"

# Where Maven keeps its local repository: asked of Maven itself (offline first: the help plugin is usually there).
maven_local_repository() {
  local out rc=0
  for offline in -o ""; do
    out="$(cd "$REPO_ROOT" && "${MVN[@]}" -q -B -N $offline "$HELP_PLUGIN:evaluate" \
      -Dexpression=settings.localRepository -DforceStdout 2>/dev/null)" && rc=0 || rc=$?
    if [ "$rc" -eq 0 ] && [ "${out:0:1}" = "/" ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ]; then
      printf '%s\n' "$out"
      return 0
    fi
  done
  return 1
}
M2_REPO="$(maven_local_repository)" \
  || fail "could not ask Maven where its local repository is: run
  (cd $REPO_ROOT && ${MVN[*]} -N $HELP_PLUGIN:evaluate -Dexpression=settings.localRepository)"
readonly M2_REPO
readonly INSTALLED_DIR="$M2_REPO/com/pixelmed/pixelmed/$PIXELMED_VERSION"
readonly INSTALLED_JAR="$INSTALLED_DIR/pixelmed-$PIXELMED_VERSION.jar"
readonly INSTALLED_POM="$INSTALLED_DIR/pixelmed-$PIXELMED_VERSION.pom"

# --- fast path: already installed ---------------------------------------------------------------------------
if [ -f "$INSTALLED_JAR" ] && [ -f "$INSTALLED_POM" ] \
  && [ "$(sha256 "$INSTALLED_JAR")" = "$EXPECTED_SHA256" ] && cmp -s "$POM_FILE" "$INSTALLED_POM"; then
  info "com.pixelmed:pixelmed:$PIXELMED_VERSION is already installed in $M2_REPO (checksum OK), nothing to do"
  exit 0
fi

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/install-pixelmed.XXXXXX")"
readonly WORK_DIR
trap 'rm -rf "$WORK_DIR"' EXIT

APT_UPDATED=false
apt_update_once() {
  $APT_UPDATED && return 0
  is_root || fail "apt-get update needs root; run it once as root (or run this script as root), or set PIXELMED_JAR"
  info "running apt-get update"
  apt-get update -q >"$WORK_DIR/apt-update.log" 2>&1 \
    || fail "apt-get update failed (is deb.debian.org reachable?):
$(tail -5 "$WORK_DIR/apt-update.log")"
  APT_UPDATED=true
}

# zip -d is what the pinned checksum was made with; Info-ZIP's output is byte-for-byte reproducible.
ensure_zip() {
  command -v zip >/dev/null && return 0
  if ! { is_root && command -v apt-get >/dev/null; }; then
    fail "'zip' is needed to remove META-INF/MANIFEST.MF from the jar: install it (apt-get install zip), or set PIXELMED_JAR to a jar whose manifest is already removed"
  fi
  info "installing zip (apt-get install zip)"
  if ! apt-get install -y -q --no-install-recommends zip >"$WORK_DIR/apt-zip.log" 2>&1; then
    apt_update_once
    apt-get install -y -q --no-install-recommends zip >"$WORK_DIR/apt-zip.log" 2>&1 \
      || fail "apt-get install zip failed:
$(tail -5 "$WORK_DIR/apt-zip.log")"
  fi
  command -v zip >/dev/null || fail "apt-get install zip succeeded but 'zip' is not on the PATH ($PATH)"
}

download_deb() {
  local dir="$WORK_DIR/deb"
  mkdir -p "$dir"
  if ! { command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null; }; then
    fail "apt-get and dpkg-deb are needed to fetch $DEB_PACKAGE (Debian only); elsewhere set PIXELMED_JAR=/path/to/pixelmed.jar"
  fi
  # apt's download sandbox user must be able to write the target folder (else apt warns and downloads as root).
  if is_root && id _apt >/dev/null 2>&1; then chown _apt "$dir"; fi
  info "downloading $DEB_PACKAGE=$DEB_VERSION"
  if ! (cd "$dir" && apt-get download -q "$DEB_PACKAGE=$DEB_VERSION") >"$WORK_DIR/apt-download.log" 2>&1; then
    apt_update_once
    if ! (cd "$dir" && apt-get download -q "$DEB_PACKAGE=$DEB_VERSION") >"$WORK_DIR/apt-download.log" 2>&1; then
      local candidate
      candidate="$(apt-cache policy "$DEB_PACKAGE" 2>/dev/null | awk '/Candidate:/ {print $2}')"
      if [ -n "$candidate" ] && [ "$candidate" != "(none)" ] && [ "$candidate" != "$DEB_VERSION" ]; then
        fail "Debian now offers $DEB_PACKAGE $candidate, but this script pins $DEB_VERSION.
  Check the new version, then update in scripts/install-pixelmed.sh: DEB_VERSION, DEB_SHA256, DEBIAN_JAR_SHA256,
  STRIPPED_JAR_SHA256 (and PIXELMED_VERSION, scripts/pixelmed/pom.xml and pixelmed.version in pom.xml if the
  upstream version changed). Or install a known jar with PIXELMED_JAR=/path/to/pixelmed.jar."
      fi
      fail "apt-get download $DEB_PACKAGE=$DEB_VERSION failed (package not in the apt sources? bookworm 'main' is needed):
$(tail -5 "$WORK_DIR/apt-download.log")"
    fi
  fi
  local deb
  deb="$(find "$dir" -maxdepth 1 -name "${DEB_PACKAGE}_*.deb" | head -n 1)"
  [ -n "$deb" ] || fail "apt-get download reported success but no ${DEB_PACKAGE}_*.deb is in $dir"
  local version
  version="$(dpkg-deb -f "$deb" Version)"
  [ "$version" = "$DEB_VERSION" ] \
    || fail "downloaded $DEB_PACKAGE has version $version, expected $DEB_VERSION: update the pins in this script"
  local actual
  actual="$(sha256 "$deb")"
  [ "$actual" = "$DEB_SHA256" ] \
    || fail "checksum mismatch for $(basename "$deb"): SHA-256 $actual, expected $DEB_SHA256. The package was rebuilt or altered; do not install it without checking."
  dpkg-deb -x "$deb" "$WORK_DIR/root" || fail "dpkg-deb -x could not unpack $(basename "$deb")"
  local jar="$WORK_DIR/root/usr/share/java/pixelmed-$PIXELMED_VERSION.jar"
  [ -f "$jar" ] || jar="$WORK_DIR/root/usr/share/java/pixelmed.jar"
  [ -f "$jar" ] || fail "$DEB_PACKAGE $DEB_VERSION contains neither usr/share/java/pixelmed-$PIXELMED_VERSION.jar nor usr/share/java/pixelmed.jar"
  cp "$jar" "$WORK_DIR/pixelmed.jar"
}

# --- obtain the jar --------------------------------------------------------------------------------------------
if [ -n "${PIXELMED_JAR:-}" ]; then
  [ -f "$PIXELMED_JAR" ] || fail "PIXELMED_JAR=$PIXELMED_JAR does not exist or is not a file"
  info "using PIXELMED_JAR=$PIXELMED_JAR"
  cp "$PIXELMED_JAR" "$WORK_DIR/pixelmed.jar"
else
  download_deb
fi
JAR="$WORK_DIR/pixelmed.jar"

# --- verify and strip the manifest -------------------------------------------------------------------------------
ACTUAL="$(sha256 "$JAR")"
if [ "$ACTUAL" = "$EXPECTED_SHA256" ]; then
  info "jar has no manifest already (checksum OK)"
else
  if [ -z "${PIXELMED_JAR_SHA256:-}" ] && [ "$ACTUAL" != "$DEBIAN_JAR_SHA256" ]; then
    fail "checksum mismatch for ${PIXELMED_JAR:-the jar in $DEB_PACKAGE}: SHA-256 $ACTUAL, expected Debian's jar
  $DEBIAN_JAR_SHA256 (or $STRIPPED_JAR_SHA256 without manifest).
  If you trust this file, set PIXELMED_JAR_SHA256 to the SHA-256 it has after 'zip -d <jar> META-INF/MANIFEST.MF'."
  fi
  ensure_zip
  # zip -d exits 12 when there is nothing to delete: a jar without a manifest is fine here.
  rc=0
  zip -q -d "$JAR" META-INF/MANIFEST.MF || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 12 ] || fail "zip -d $JAR META-INF/MANIFEST.MF failed (exit code $rc)"
  ACTUAL="$(sha256 "$JAR")"
  [ "$ACTUAL" = "$EXPECTED_SHA256" ] \
    || fail "checksum mismatch after removing the manifest: SHA-256 $ACTUAL, expected $EXPECTED_SHA256 (a zip other than Info-ZIP 3.0?)"
fi

# --- install into the local Maven repository ------------------------------------------------------------------------
MVN_ARGS=(-q -B -N)
info "installing com.pixelmed:pixelmed:$PIXELMED_VERSION into $M2_REPO"
# -N from the repository root: only the parent POM is read (for its plugin versions), no module is built.
(cd "$REPO_ROOT" && "${MVN[@]}" "${MVN_ARGS[@]}" install:install-file \
  "-Dfile=$JAR" "-DpomFile=$POM_FILE" \
  -DgroupId=com.pixelmed -DartifactId=pixelmed "-Dversion=$PIXELMED_VERSION" -Dpackaging=jar) \
  || fail "mvn install:install-file failed (see the Maven output above)"

if ! { [ -f "$INSTALLED_JAR" ] && [ "$(sha256 "$INSTALLED_JAR")" = "$EXPECTED_SHA256" ]; }; then
  fail "after mvn install:install-file, $INSTALLED_JAR is missing or has the wrong checksum (Maven said its local repository is $M2_REPO)"
fi
info "installed com.pixelmed:pixelmed:$PIXELMED_VERSION (SHA-256 $EXPECTED_SHA256)"
