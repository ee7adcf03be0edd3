# Sourced by the scripts/ensure-*.sh scripts: installs the Debian packages a group of tests needs.
# Set TESTS_SKIPPED (what is skipped without the packages, e.g. "the browser tests") before calling.
# Without root or network: a warning and exit 0 (the tests skip with a message); on CI (CI=true) exit 2, and the tests
# themselves fail instead of skipping.

# Stops the calling script: an error on CI, else a warning.
fail() {
  if [[ "${CI:-}" == "true" ]]; then echo "rtds: $*" >&2; exit 2; fi
  echo "rtds: warning: $*; ${TESTS_SKIPPED:-the tests that need them} will be skipped" >&2; exit 0
}

# install_debian_packages PACKAGE...: apt-get installs them as root, quietly, or stops with fail.
install_debian_packages() {
  [[ $(id -u) -eq 0 ]] || fail "$* not installed and we are not root (apt-get install $*)"
  echo "rtds: installing $* from Debian ..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; } \
    || fail "could not install the Debian packages $*"
}
