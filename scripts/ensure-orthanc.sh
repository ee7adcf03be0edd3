#!/usr/bin/env bash
# Makes sure Orthanc and its DICOMweb plugin (Debian packages orthanc, orthanc-dicomweb) are installed: the real
# DICOMweb client of the STOW-RS interoperability test (rtds-web StowRsClientsIT runs Orthanc as a child process with
# its own configuration; the system service is not used). Idempotent.
# Without root or network it warns and the Orthanc test is skipped with a message; on CI (CI=true) that is an error.
set -euo pipefail

PLUGIN=/usr/share/orthanc/plugins/libOrthancDicomWeb.so

have_orthanc() { { command -v Orthanc >/dev/null 2>&1 || [[ -x /usr/sbin/Orthanc ]]; } && [[ -f "$PLUGIN" ]]; }

have_orthanc && exit 0

TESTS_SKIPPED="the Orthanc DICOMweb interoperability test"
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"
# policy-rc.d may refuse to start the packaged service (containers): that is fine, the test starts its own Orthanc
install_debian_packages orthanc orthanc-dicomweb
have_orthanc || fail "orthanc-dicomweb installed but Orthanc or $PLUGIN is missing"
