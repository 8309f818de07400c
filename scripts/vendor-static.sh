#!/usr/bin/env bash
# Refreshes the front-end libraries under static/vendor/ from their npm packages.
# The files are committed so the app never needs a CDN or npm at run time.
set -euo pipefail
HTMX_VERSION=2.0.8
CHARTJS_VERSION=4.5.1
dest="$(cd "$(dirname "$0")/.." && pwd)/static/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "htmx.org@$HTMX_VERSION" "chart.js@$CHARTJS_VERSION" >/dev/null
mkdir htmx chartjs
tar -xzf "htmx.org-$HTMX_VERSION.tgz" -C htmx
tar -xzf "chart.js-$CHARTJS_VERSION.tgz" -C chartjs
mkdir -p "$dest"
cp htmx/package/dist/htmx.min.js "$dest/htmx.min.js"
cp chartjs/package/dist/chart.umd.min.js "$dest/chart.umd.min.js"
# The packages' source maps are not vendored, and collectstatic's manifest storage refuses a
# file that names one it cannot find.
sed -i -E '/^\/\/[#@] sourceMappingURL=/d' "$dest/htmx.min.js" "$dest/chart.umd.min.js"
echo "htmx $HTMX_VERSION, Chart.js $CHARTJS_VERSION -> $dest"
