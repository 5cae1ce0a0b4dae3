#!/usr/bin/env bash
# Validate manifest.xml (or the file given) against the official add-in manifest XML schemas, offline.
# Needs xmllint (Debian: libxml2-utils). The schemas live in test/manifest/schemas/ (README there).
set -euo pipefail
cd "$(dirname "$0")/.."
manifest="${1:-manifest.xml}"
schemas="${PERFEVAL_SCHEMAS:-test/manifest/schemas}"
if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint not found: install libxml2-utils (apt-get install libxml2-utils)" >&2
  exit 2
fi
xmllint --noout --schema "$schemas/OfficeAppManifestV1_1.xsd" "$manifest"
