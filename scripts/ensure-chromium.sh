#!/usr/bin/env bash
# Makes sure the browser of the clinician-page tests is installed (Debian packages):
#   chromium, chromium-driver  headless Chromium driven through chromedriver by Selenium (ClinicianScreensIT);
#   poppler-utils              pdftotext/pdftoppm, which check the PDF reports those tests download.
# Idempotent. Without root or network it warns and the browser tests are skipped with a message; on CI (CI=true)
# that is an error, and the tests themselves fail instead of skipping.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[[ ${#missing[@]} -eq 0 ]] && exit 0

TESTS_SKIPPED="the browser tests"
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"
install_debian_packages "${missing[@]}"
command -v chromium >/dev/null 2>&1 || fail "chromium installed but not on PATH"
command -v chromedriver >/dev/null 2>&1 || fail "chromium-driver installed but chromedriver is not on PATH"
