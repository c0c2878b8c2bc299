#!/usr/bin/env bash
# Build casus's wheel, install it (not editable) in a fresh venv with the locked dependencies,
# and run `casus demo` from outside the source tree: proves the package carries its data.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
work="$(mktemp -d)"
python -m venv "$work/venv"
"$work/venv/bin/pip" install -q --no-deps --require-hashes -r "$root/requirements.lock"
"$work/venv/bin/pip" wheel -q --no-deps "$root" -w "$work/dist"
"$work/venv/bin/pip" install -q --no-deps "$work"/dist/casus-*.whl
cd "$work"
"$work/venv/bin/casus" --version
"$work/venv/bin/casus" demo > "$work/demo.txt"
grep -q "report date" "$work/demo.txt" || { echo "wheel: casus demo printed no report date" >&2; cat "$work/demo.txt" >&2; exit 1; }
echo "wheel: $(ls "$work"/dist) installs and codes the worked example"
rm -rf "$work"
