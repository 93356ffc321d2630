#!/bin/sh
# Renders nianbao.svg into the hicolor PNG sizes that are installed beside it (rsvg-convert, from
# Debian's librsvg2-bin; needed only when the drawing changes, the PNGs are kept in the repository).
set -e
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert -w $size -h $size nianbao.svg -o nianbao-$size.png
done
