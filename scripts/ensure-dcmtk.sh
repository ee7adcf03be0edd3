#!/usr/bin/env bash
# Makes sure the independent DICOM tools of the interoperability tests are installed (Debian packages):
#   dcmtk       storescu, echoscu, dcmdump, dcmdrle: the DICOM peer of the C-STORE listener tests, the parser that
#               checks generated test data, and the ingestion benchmark's sender;
#   dicom3tools dciodvfy: David Clunie's IOD verifier, which checks generated objects against the standard's
#               modules;
#   curl, jq    the HTTP client and JSON filter of the API walkthrough (docs/api.md), which ApiWalkthroughIT runs.
# Idempotent. Without root or network it warns and those tests are skipped with a message; on CI (CI=true) that is
# an error, and the tests themselves fail instead of skipping.
set -euo pipefail

missing=()
command -v storescu >/dev/null 2>&1 && command -v dcmdump >/dev/null 2>&1 || missing+=(dcmtk)
command -v dciodvfy >/dev/null 2>&1 || missing+=(dicom3tools)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
[[ ${#missing[@]} -eq 0 ]] && exit 0

TESTS_SKIPPED="the tests that need them"
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"
install_debian_packages "${missing[@]}"
command -v storescu >/dev/null 2>&1 || fail "dcmtk installed but storescu is not on PATH"
command -v dciodvfy >/dev/null 2>&1 || fail "dicom3tools installed but dciodvfy is not on PATH"
command -v jq >/dev/null 2>&1 || fail "jq installed but not on PATH"
