#!/usr/bin/env bash
# Makes sure Orthanc and its DICOMweb plugin (Debian packages orthanc, orthanc-dicomweb) are installed: the real
# DICOMweb client of the STOW-RS interoperability test (rtds-web StowRsClientsIT runs Orthanc as a child process with
# its own configuration; the system service is not used). Idempotent.
# Without root or network it warns and the Orthanc test is skipped with a message; on CI (CI=true) that is an error.
set -euo pipefail

PLUGIN=/usr/share/orthanc/plugins/libOrthancDicomWeb.so

have_orthanc() { { command -v Orthanc >/dev/null 2>&1 || [[ -x /usr/sbin/Orthanc ]]; } && [[ -f "$PLUGIN" ]]; }

have_orthanc && exit 0

fail() {
  if [[ "${CI:-}" == "true" ]]; then echo "rtds: $*" >&2; exit 2; fi
  echo "rtds: warning: $*; the Orthanc DICOMweb interoperability test will be skipped" >&2; exit 0
}

[[ $(id -u) -eq 0 ]] || fail "Orthanc with its DICOMweb plugin is not installed and we are not root (apt-get install orthanc orthanc-dicomweb)"
echo "rtds: installing orthanc and orthanc-dicomweb from Debian ..."
# policy-rc.d may refuse to start the packaged service (containers): that is fine, the test starts its own Orthanc
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq orthanc orthanc-dicomweb >/dev/null; } \
  || fail "could not install the Debian packages orthanc and orthanc-dicomweb"
have_orthanc || fail "orthanc-dicomweb installed but Orthanc or $PLUGIN is missing"
