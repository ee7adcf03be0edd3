#!/usr/bin/env bash
# Makes sure DCMTK (Debian package dcmtk: storescu, echoscu, dcmdump) is installed: the independent DICOM peer that
# the interoperability tests (C-STORE listener, generated test data) and the ingestion benchmark use. Idempotent.
# Without root or network it warns and the DCMTK tests are skipped with a message; on CI (CI=true) that is an error.
set -euo pipefail

command -v storescu >/dev/null 2>&1 && command -v dcmdump >/dev/null 2>&1 && exit 0

fail() {
  if [[ "${CI:-}" == "true" ]]; then echo "rtds: $*" >&2; exit 2; fi
  echo "rtds: warning: $*; the DCMTK interoperability tests will be skipped" >&2; exit 0
}

[[ $(id -u) -eq 0 ]] || fail "DCMTK (storescu) is not installed and we are not root (apt-get install dcmtk)"
echo "rtds: installing dcmtk from Debian ..."
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dcmtk >/dev/null; } \
  || fail "could not install the Debian package dcmtk"
command -v storescu >/dev/null 2>&1 || fail "dcmtk installed but storescu is not on PATH"
