#!/usr/bin/env bash
# Browser checks of the published example: every HTML page must pass the Nu
# HTML checker (vnu) with no error and axe-core in headless Chromium with no
# violation. Installs what it needs (Debian chromium and a Java runtime, the
# npm packages pinned in .ci/package-lock.json) and saves screenshots and a
# PDF print of a compte rendu under target/ci-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
    else
        echo "il faut installer : $*" >&2
        exit 1
    fi
}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
fi

echo "== npm ci (.ci/package-lock.json)"
(cd .ci && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
echo "== reunion render de examples/irev dans $site"
cargo run --locked --release --quiet -- -C examples/irev render --sortie "$site" >/dev/null

mapfile -t pages < <(find "$site" -name '*.html' | sort)
echo "== vnu sur ${#pages[@]} pages"
java -jar .ci/node_modules/vnu-jar/build/dist/vnu.jar --Werror --also-check-css "${pages[@]}" "$site/assets/style.css"
echo "vnu : ${#pages[@]} pages, 0 erreur, 0 avertissement"

echo "== axe-core dans Chromium"
artefacts="target/ci-artifacts"
mkdir -p "$artefacts"
node .ci/browser-checks.mjs "$site" "$artefacts" reunions/2022-03-03-rencontre-regionale.html
