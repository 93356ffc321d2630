#!/bin/sh
# Makes docs/screenshot.png: the review window under Xvfb on a copy of the Hangzhou-style HTML
# report with one count changed, so that one finding is selected (F8).
# Needs xvfb, xdotool, imagemagick and fonts-noto-cjk. Usage: bench/ui/screenshot.sh BUILD_DIR
set -e
build=${1:-build}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's|<td>13612</td><td>252</td>|<td>13621</td><td>252</td>|' \
    "$here/tests/data/corpus/real/hangzhou_style_2025.html" > "$work/hangzhou_style_2025.html"
cat > "$work/run.sh" <<EOS
#!/bin/sh
export XDG_CONFIG_HOME="$work/config"
export XDG_DATA_HOME="$work/data"
export LANG=\${SHOT_LANG:-zh_CN.UTF-8}
"$build/bin/nianbao" -qwindowgeometry 1600x1000+0+0 "$work/hangzhou_style_2025.html" "$here/tests/data/corpus/seeds" &
pid=\$!
sleep 4
xdotool windowfocus --sync \$(xdotool search --onlyvisible --class nianbao | head -1)
sleep 0.5
xdotool key F8
sleep 1
import -window root "$here/docs/screenshot.png"
kill \$pid
EOS
chmod +x "$work/run.sh"
# A reviewer who has started the program before: no first-start question in the picture.
mkdir -p "$work/config/nianbao"
printf '[General]\nreviewer=审校员\n' > "$work/config/nianbao/nianbao.conf"
mkdir -p "$here/docs"
xvfb-run -a -s "-screen 0 1600x1000x24" "$work/run.sh"
echo "wrote $here/docs/screenshot.png"
