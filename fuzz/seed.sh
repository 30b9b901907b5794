#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the test suite: the broken reports, the layout
# corpus, the test reports, the shipped report and the test images. Run from the repository root:
#   bash fuzz/seed.sh && cd fuzz && cargo +nightly fuzz run compile
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/compile corpus/raster corpus/svg corpus/csv folder
cp ../tests/broken/*.toml ../report.toml corpus/compile/
for f in ../tests/layout/*.toml; do cp "$f" "corpus/compile/layout-$(basename "$f")"; done
cp ../tests/data/rich/report.toml corpus/compile/rich.toml
cp ../tests/data/web/report.toml corpus/compile/web-welsh.toml
cp ../tests/data/*.png ../tests/data/*.jpg corpus/raster/
cp ../images/*.svg corpus/svg/ 2>/dev/null || true
printf 'label,value\nA,1\nB,2\n' > corpus/csv/simple.csv
printf 'label;value\nA;1,5\n"B; quoted";1.234,5\n' > corpus/csv/semicolon.csv
printf '\xef\xbb\xbflabel,2019,2020\r\n"Trusts, acute",1,"2"\r\n' > corpus/csv/grouped.csv
# The folder the fuzzed reports and SVGs may name files in.
cp ../tests/data/logo.png ../tests/data/photo-rgb.jpg folder/
printf 'label,value\nA,1\n' > folder/data.csv
