#!/usr/bin/env bash
# Start the real QGIS desktop under Xvfb with the plugin, search the local demo
# catalogue and capture the window: build/screenshots/qgis_dock.png
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/build/screenshots"; profiles="$out/qgis-config"
plugins="$profiles/profiles/default/python/plugins"
rm -rf "$profiles"; mkdir -p "$plugins"
ln -s "$PWD" "$plugins/eo_order"
if [ -n "${EO_ORDER_LOCALE:-}" ]; then  # e.g. EO_ORDER_LOCALE=fr_CA make screenshots: QGIS in that language
  mkdir -p "$profiles/profiles/default/QGIS"
  printf '[locale]\noverrideFlag=true\nuserLocale=%s\n' "$EO_ORDER_LOCALE" > "$profiles/profiles/default/QGIS/QGIS3.ini"
fi
.venv/bin/python -m tools.pycsw_server --workdir "$out/pycsw" --demo --thumbnails > "$out/pycsw.url" &
csw_pid=$!
trap 'kill $csw_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$out/pycsw.url" ] && break; sleep 0.2; done
screen="${EO_ORDER_SCREEN:-1600x1000}"  # e.g. EO_ORDER_SCREEN=1366x768: a laptop screen
# EO_ORDER_SCENE=orders: the Orders tab and the order dialog; EO_ORDER_SHOT_NAME: the picture's file name
default_name="qgis_dock${EO_ORDER_SCREEN:+_$screen}${EO_ORDER_LOCALE:+_$EO_ORDER_LOCALE}.png"
export EO_ORDER_CSW="$(head -1 "$out/pycsw.url")" EO_ORDER_SHOT="$out/${EO_ORDER_SHOT_NAME:-$default_name}"
export QT_QPA_PLATFORM=xcb
timeout 120 xvfb-run -a -s "-screen 0 ${screen}x24" \
  qgis --profiles-path "$profiles" --nologo --noversioncheck --code "$PWD/tools/screenshot.py" >"$out/qgis.log" 2>&1 || true
[ -s "$EO_ORDER_SHOT" ] && echo "Screenshot: $EO_ORDER_SHOT ($(cat "$EO_ORDER_SHOT.txt" 2>/dev/null))" || { echo "no screenshot; see $out/qgis.log"; exit 1; }
