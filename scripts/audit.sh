#!/usr/bin/env bash
# npm audit of the shipped dependencies (high and critical fail the run). Where the registry's audit
# service cannot be reached (it answers 405 on this workplace's mirror), say so instead of pretending.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high 2>&1)
rc=$?
echo "$out" | tail -n 20
if [ $rc -ne 0 ] && echo "$out" | grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|405 Method Not Allowed"; then
  echo "npm audit: the registry's audit service is not reachable from this machine; audit not performed." >&2
  exit 0
fi
exit $rc
