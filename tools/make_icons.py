"""Draw the app icons for the web app manifest (192 and 512 px, and a maskable 512 px whose artwork
stays inside the central safe circle). Run once; the PNGs are committed in assets/icons/."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

NAVY, WHITE, GREEN = "#143d6b", "#ffffff", "#3fb37f"
OUT = Path(__file__).resolve().parent.parent / "assets" / "icons"


def icon(size: int, maskable: bool) -> Image.Image:
    img = Image.new("RGB", (size, size), NAVY)
    d = ImageDraw.Draw(img)
    # Three rising bars on a base line: a budget chart. Maskable icons keep it within the middle 60%.
    pad = size * (0.28 if maskable else 0.18)
    inner = size - 2 * pad
    base = pad + inner
    width = inner / 5
    for i, height in enumerate((0.45, 0.7, 1.0)):
        x0 = pad + i * width * 1.9 + width * 0.1
        d.rounded_rectangle((x0, base - inner * height, x0 + width * 1.3, base), radius=size * 0.02, fill=WHITE)
    d.rectangle((pad, base - size * 0.01, pad + inner, base + size * 0.015), fill=GREEN)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon(192, False).save(OUT / "icon-192.png", optimize=True)
    icon(512, False).save(OUT / "icon-512.png", optimize=True)
    icon(512, True).save(OUT / "icon-maskable-512.png", optimize=True)
    icon(180, False).save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
