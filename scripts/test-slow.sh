#!/usr/bin/env bash
# The slow and large tests (tagged `slow`), which the default `mvn verify` leaves out:
# e.g. canonical keys of every product of the first 20,000 polyphenols (needs ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B verify -Dtest.excludedGroups=none -Dgroups=slow -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
