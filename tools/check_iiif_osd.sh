#!/usr/bin/env bash
# check_iiif_osd.sh - open a static IIIF Image API 3.0 level-0 tile set in a real client
# (OpenSeadragon from npm, in headless Chromium driven by Playwright) and report how many
# tiles loaded and which failed. Manual check only: not run by the tests.
#
# Usage:
#   tools/check_iiif_osd.sh TILESET/info.json SHOT.png [--sweep] [--at X,Y] [--drawer webgl|canvas]
#
#   --sweep    also pan over the whole image at every level's native resolution, so that
#              OpenSeadragon requests every tile it can use (slow with the webgl drawer:
#              use --drawer canvas for big images)
#   --at X,Y   image pixel to centre the final 1:1 (native resolution) view on; that view is
#              saved as SHOT.png (default: the image centre)
#   --drawer   OpenSeadragon drawer (default webgl, OpenSeadragon's own default)
#
# The tile set is served read-only over http://127.0.0.1:<free port> from a temporary
# folder (a symlink to the tile set). Its info.json "id" is usually a file:// URI, which
# a browser page may not load from, so the page opens a rewritten COPY of info.json whose
# id points at the server; the tile files themselves are used as built.
#
# Needs: python3, node + npm (20+), Chromium (Debian: apt-get install chromium). On first
# use openseadragon and playwright-core are installed with npm into $OSD_CHECK_HOME
# (default /tmp/check-iiif-osd). $CHROMIUM overrides the browser binary.
# Prints a JSON summary; exits 0 only when tiles loaded and none failed.
set -euo pipefail

usage() { sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
[[ $# -ge 2 ]] || usage
INFO=$(realpath "$1"); SHOT=$(realpath -m "$2"); shift 2
SWEEP=0; AT=""; DRAWER=webgl
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sweep) SWEEP=1 ;;
    --at) AT=$2; shift ;;
    --drawer) DRAWER=$2; shift ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
  shift
done
[[ -f "$INFO" ]] || { echo "no such info.json: $INFO" >&2; exit 2; }
TILES=$(dirname "$INFO")
HOME_DIR=${OSD_CHECK_HOME:-/tmp/check-iiif-osd}
if [[ -z "${CHROMIUM:-}" ]]; then
  for c in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser; do
    [[ -x $c ]] && { CHROMIUM=$c; break; }
  done
fi
[[ -n "${CHROMIUM:-}" ]] || { echo "Chromium not found (apt-get install chromium, or set CHROMIUM)" >&2; exit 2; }

mkdir -p "$HOME_DIR"
if [[ ! -d $HOME_DIR/node_modules/openseadragon || ! -d $HOME_DIR/node_modules/playwright-core ]]; then
  (cd "$HOME_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund openseadragon playwright-core >&2)
fi

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
mkdir -p "$(dirname "$SHOT")" "$WORK/tiles"
ln -s "$TILES" "$WORK/tiles/set"
cp "$HOME_DIR/node_modules/openseadragon/build/openseadragon/openseadragon.min.js" "$WORK/"
python3 - "$INFO" "$BASE/tiles/set" "$WORK/info.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["id"] = sys.argv[2]
json.dump(doc, open(sys.argv[3], "w", encoding="utf-8"), indent=2)
EOF

cat > "$WORK/index.html" <<'EOF'
<!doctype html>
<html><head><meta charset="utf-8"><title>running</title>
<style>html,body{margin:0;background:#222}#osd{width:1280px;height:800px}#summary{display:none}</style>
<script src="openseadragon.min.js"></script></head>
<body><div id="osd"></div><pre id="summary"></pre>
<script>
const q = new URLSearchParams(location.search);
const st = {loaded: 0, failed: 0, failedUrls: [], urls: new Set(), steps: 0, errors: []};
const viewer = OpenSeadragon({id: "osd", tileSources: "info.json", prefixUrl: "",
  showNavigationControl: false, animationTime: 0, blendTime: 0, maxZoomPixelRatio: 4,
  visibilityRatio: 0, constrainDuringPan: false, timeout: 20000, drawer: q.get("drawer")});
viewer.addHandler("tile-loaded", e => { st.loaded++; st.urls.add(e.tile.getUrl()); });
viewer.addHandler("tile-load-failed", e => { st.failed++; st.failedUrls.push(e.tile.getUrl()); });
viewer.addHandler("open-failed", e => { st.errors.push("open-failed: " + e.message); finish(); });
const sleep = ms => new Promise(r => setTimeout(r, ms));
async function view(ti, z, x, y) {
  viewer.viewport.zoomTo(ti.imageToViewportZoom(z), null, true);
  viewer.viewport.panTo(ti.imageToViewportCoordinates(x, y), true);
  viewer.forceRedraw();
  const t0 = performance.now();
  await sleep(50);
  while (!ti.getFullyLoaded() && performance.now() - t0 < 10000) await sleep(25);
  await sleep(30);
  st.steps++;
  document.title = `running step ${st.steps} loaded=${st.loaded} failed=${st.failed}`;
}
let done = false;
function finish() {
  if (done) return; done = true;
  document.getElementById("summary").textContent = JSON.stringify({loaded: st.loaded,
    failed: st.failed, uniqueLoaded: st.urls.size, failedUrls: [...new Set(st.failedUrls)],
    errors: st.errors, steps: st.steps});
  document.title = "done";
}
viewer.addHandler("open", async () => {
  try {
    const ti = viewer.world.getItemAt(0), W = ti.source.width, H = ti.source.height;
    const home = ti.viewportToImageZoom(viewer.viewport.getHomeZoom());
    await view(ti, home, W / 2, H / 2);
    for (let z = home * 2, i = 1; z <= 2.0001; z *= 2, i++) await view(ti, z, W * i / 8, H * i / 8);
    await view(ti, 2, W - 1, H - 1);
    await view(ti, 2, 0, 0);
    if (q.get("sweep") === "1")
      for (let z = 1; z > home / 2; z /= 2)
        for (let y = 400 / z; y < H + 400 / z; y += 800 / z)
          for (let x = 640 / z; x < W + 640 / z; x += 1280 / z) await view(ti, z, Math.min(x, W), Math.min(y, H));
    const at = (q.get("at") || `${W / 2},${H / 2}`).split(",").map(Number);
    await view(ti, 1, at[0], at[1]);
  } catch (err) { st.errors.push(String(err && err.stack || err)); }
  finish();
});
</script></body></html>
EOF

cat > "$HOME_DIR/check-run.mjs" <<'EOF'
import { chromium } from "playwright-core";
import fs from "node:fs";
const [url, shot, exe, tilesDir, tilesBase] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: exe, args: ["--headless", "--no-sandbox",
  "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--no-first-run", "--disable-sync"] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const httpErrors = [];
  page.on("response", r => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) httpErrors.push(`${r.status()} ${r.url()}`); });
  page.on("requestfailed", r => httpErrors.push(`${r.failure()?.errorText} ${r.url()}`));
  await page.goto(url);
  await page.waitForFunction(() => document.title === "done", null, { timeout: 900000 });
  const s = JSON.parse(await page.textContent("#summary"));
  await page.locator("#osd").screenshot({ path: shot });
  // for each failed tile: does the file exist in the tile set?
  s.failedUrls = s.failedUrls.map(u => {
    const rel = u.startsWith(tilesBase) ? decodeURIComponent(u.slice(tilesBase.length)) : null;
    return { url: u, onDisk: rel !== null && fs.existsSync(`${tilesDir}/${rel}`) };
  });
  s.httpErrors = httpErrors;
  s.screenshot = shot;
  console.log(JSON.stringify(s, null, 1));
  process.exitCode = s.loaded > 0 && s.failed === 0 && s.errors.length === 0 ? 0 : 1;
} finally {
  await browser.close();
}
EOF

python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK" >/dev/null 2>&1 &
SERVER_PID=$!
python3 - "$BASE/info.json" <<'EOF'
import sys, time, urllib.request
for _ in range(50):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
EOF

QS="drawer=$DRAWER&sweep=$SWEEP"
[[ -n $AT ]] && QS="$QS&at=$AT"
cd "$HOME_DIR"
node check-run.mjs "$BASE/index.html?$QS" "$SHOT" "$CHROMIUM" "$TILES" "$BASE/tiles/set/"
