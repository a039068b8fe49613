#!/bin/sh
# Rebuilds the self-hosted font subsets of the public information site from Debian's
# fonts-noto-core (SIL Open Font License 1.1, see OFL.txt) with fontTools:
#   apt-get install fonts-noto-core python3-fonttools python3-brotli
# Each file keeps one script's Unicode blocks only; info.css declares the same ranges in
# unicode-range, so a browser downloads a font only when a page contains that script.
set -eu
SRC=/usr/share/fonts/truetype/noto
OUT=$(dirname "$0")
ARABIC='U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+25CC'
ETHIOPIC='U+1200-139F,U+2D80-2DDF,U+AB00-AB2F,U+25CC'
subset() {
  /usr/bin/python3 -m fontTools.subset "$SRC/$1.ttf" --unicodes="$2" --flavor=woff2 \
    --layout-features='*' --no-hinting --desubroutinize --output-file="$OUT/$1.subset.woff2"
}
subset NotoNaskhArabic-Regular "$ARABIC"
subset NotoNaskhArabic-Bold "$ARABIC"
subset NotoSansEthiopic-Regular "$ETHIOPIC"
subset NotoSansEthiopic-Bold "$ETHIOPIC"
