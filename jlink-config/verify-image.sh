#!/usr/bin/env bash
# Proves the image in $1 (target/dist/latentlab) works on its own: HOME is an empty temporary
# folder, the network is cut off where `unshare` allows it, the image is read-only, and
# `sample` and `encode` must succeed while writing nothing but their output files.
set -euo pipefail
image="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$image"; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/tmp" "$work/out"
chmod -R a-w "$image"
# A digit to encode, drawn by the JDK that runs the build.
cat > "$work/Draw.java" <<'JAVA'
import java.awt.*; import java.awt.image.BufferedImage; import java.io.File; import javax.imageio.ImageIO;
public class Draw { public static void main(String[] a) throws Exception {
  BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
  Graphics2D g = img.createGraphics(); g.setColor(Color.WHITE); g.fillRect(0, 0, 200, 200);
  g.setColor(Color.BLACK); g.setStroke(new BasicStroke(18)); g.drawLine(60, 40, 150, 40); g.drawLine(150, 40, 90, 170);
  ImageIO.write(img, "png", new File(a[0])); } }
JAVA
java "$work/Draw.java" "$work/out/seven.png"
touch "$work/marker"
isolate=()
if unshare -n true 2>/dev/null; then isolate=(unshare -n); echo "network: cut off (unshare -n)"; else echo "network: unshare unavailable, running with the network"; fi
run() { env -i PATH=/usr/bin:/bin HOME="$work/home" TMPDIR="$work/tmp" "${isolate[@]}" "$image/bin/latentlab" "$@"; }
(cd "$work/out" && run sample --count 16 --out "$work/out/grid.png")
(cd "$work/out" && run encode "$work/out/seven.png" --out "$work/out/recon.png") | tee "$work/out/encode.json"
grep -q '"z":\[' "$work/out/encode.json"
test -s "$work/out/grid.png" && test -s "$work/out/recon.png"
written_home=$(find "$work/home" -mindepth 1 | wc -l)
newer_in_image=$(find "$image" -newer "$work/marker" | wc -l)
echo "files written in HOME: $written_home; files changed in the image: $newer_in_image"
echo "written in TMPDIR: $(find "$work/tmp" -mindepth 1 -maxdepth 1 | tr '\n' ' ')"
test "$written_home" -eq 0 && test "$newer_in_image" -eq 0
echo "image check: 2 passed, 0 failed"
