"""Makes the example report's pictures: a cover photograph, the chair's portrait and a
signature. They are painted by this script from noise and gradients (no photograph or
artwork of anyone's is used), so they are free to use; see LICENSE.md.

    python3 make-images.py        # needs Pillow and NumPy; writes beside this script

The output is deterministic: the same script makes the same files.
"""

import math
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(2024)


def smooth_noise(h, w, scale, octaves=4):
    """Fractal value noise in [0, 1]."""
    out = np.zeros((h, w))
    amp, total = 1.0, 0.0
    for o in range(octaves):
        gh, gw = max(2, int(h / scale * 2**o)), max(2, int(w / scale * 2**o))
        grid = RNG.random((gh, gw))
        img = Image.fromarray((grid * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
        out += amp * np.asarray(img, dtype=float) / 255
        total += amp
        amp *= 0.5
    return out / total


def lerp(a, b, t):
    return a + (b - a) * t[..., None]


def cover(w=2640, h=3740):
    """Morning over a small town: sky, low sun, hills, a building with lit windows, trees."""
    y = np.linspace(0, 1, h)[:, None] * np.ones((1, w))
    x = np.ones((h, 1)) * np.linspace(0, 1, w)[None, :]
    sky_top = np.array([92, 150, 205.0])
    sky_low = np.array([250, 222, 180.0])
    img = lerp(sky_top, sky_low, np.clip(y / 0.55, 0, 1) ** 1.3)
    # The sun's glow, low on the right.
    d = np.sqrt(((x - 0.72) * w / h) ** 2 + (y - 0.42) ** 2)
    glow = np.exp(-(d / 0.16) ** 2)
    img = img + glow[..., None] * np.array([40, 30, 10.0])
    img = np.where((d < 0.035)[..., None], np.array([255, 246, 225.0]), img)
    # Clouds.
    clouds = smooth_noise(h, w, 600, 5)
    c = np.clip((clouds - 0.55) * 3, 0, 1) * np.clip(1 - y / 0.5, 0, 1)
    img = lerp(img, np.array([255, 250, 245.0]), c * 0.6)
    # Three ranges of hills, nearer ones darker and greener.
    ridges = [
        (0.50, 0.05, np.array([120, 150, 150.0]), 900),
        (0.58, 0.06, np.array([80, 125, 95.0]), 700),
        (0.68, 0.08, np.array([48, 98, 62.0]), 500),
    ]
    for base, amp, colour, sc in ridges:
        n = smooth_noise(1, w, sc, 3)[0]
        line = base - amp * n
        mask = y > line[None, :]
        shade = np.clip((y - line[None, :]) * 4, 0, 1)
        tex = smooth_noise(h, w, 120, 4)
        col = lerp(np.broadcast_to(colour, img.shape).copy(), colour * 0.7, shade * 0.6 + tex * 0.2)
        img = np.where(mask[..., None], col, img)
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(pil)
    k = w / 1800  # shapes were drawn for a 1800-pixel-wide picture
    # A low community building with a pitched roof and lit windows.
    bx, by, bw, bh = int(w * 0.18), int(h * 0.60), int(w * 0.46), int(h * 0.09)
    draw.rectangle([bx, by, bx + bw, by + bh], fill=(226, 219, 205))
    draw.polygon([(bx - 20 * k, by), (bx + bw // 2, by - int(h * 0.045)), (bx + bw + 20 * k, by)], fill=(120, 70, 60))
    for i in range(9):
        wx = bx + 30 * k + i * (bw - 60 * k) / 9
        draw.rectangle([wx, by + 40 * k, wx + 50 * k, by + 110 * k], fill=(255, 214, 130))
    draw.rectangle([bx + bw // 2 - 45 * k, by + bh - 150 * k, bx + bw // 2 + 45 * k, by + bh], fill=(60, 90, 120))
    # Trees in front.
    for i in range(14):
        tx = int(RNG.uniform(0, w))
        ty = int(h * RNG.uniform(0.66, 0.8))
        r = int(RNG.uniform(60, 140) * k)
        g = int(RNG.uniform(60, 95))
        draw.ellipse([tx - r, ty - int(r * 1.3), tx + r, ty + r], fill=(30, g, 40))
        draw.rectangle([tx - 10 * k, ty + r - 20 * k, tx + 10 * k, ty + r + 60 * k], fill=(60, 40, 30))
    pil = pil.filter(ImageFilter.GaussianBlur(2.2 * k))
    arr = np.asarray(pil, dtype=float)
    arr += RNG.normal(0, 2, arr.shape)  # film grain
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(
        os.path.join(HERE, "cover.jpg"), quality=80, optimize=True, progressive=False
    )


def portrait(w=720, h=900):
    """Head and shoulders against a soft green garden, lit from the left."""
    y = np.linspace(0, 1, h)[:, None] * np.ones((1, w))
    x = np.ones((h, 1)) * np.linspace(0, 1, w)[None, :]
    bokeh = smooth_noise(h, w, 90, 3)
    img = lerp(np.broadcast_to(np.array([70, 110, 80.0]), (h, w, 3)).copy(), np.array([170, 200, 150.0]), bokeh)
    pil = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(12))
    draw = ImageDraw.Draw(pil)
    cx = w // 2
    # Shoulders (a navy jacket), neck, head, hair.
    draw.ellipse([cx - 330, int(h * 0.70), cx + 330, int(h * 1.35)], fill=(38, 52, 86))
    draw.polygon([(cx - 70, int(h * 0.72)), (cx, int(h * 0.86)), (cx + 70, int(h * 0.72))], fill=(235, 235, 240))
    draw.rectangle([cx - 55, int(h * 0.52), cx + 55, int(h * 0.74)], fill=(150, 100, 75))
    draw.ellipse([cx - 150, int(h * 0.16), cx + 150, int(h * 0.60)], fill=(165, 112, 84))
    draw.ellipse([cx - 165, int(h * 0.11), cx + 165, int(h * 0.36)], fill=(40, 28, 24))
    draw.ellipse([cx - 175, int(h * 0.16), cx - 110, int(h * 0.50)], fill=(40, 28, 24))
    draw.ellipse([cx + 110, int(h * 0.16), cx + 175, int(h * 0.50)], fill=(40, 28, 24))
    # Eyes and a smile, kept simple.
    for ex in (cx - 60, cx + 60):
        draw.ellipse([ex - 14, int(h * 0.37), ex + 14, int(h * 0.395)], fill=(45, 30, 25))
    draw.arc([cx - 60, int(h * 0.42), cx + 60, int(h * 0.50)], 20, 160, fill=(120, 55, 50), width=7)
    pil = pil.filter(ImageFilter.GaussianBlur(1.6))
    arr = np.asarray(pil, dtype=float)
    # Light from the left.
    arr *= (1.08 - 0.22 * x)[..., None]
    arr += RNG.normal(0, 3, arr.shape)
    Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).save(
        os.path.join(HERE, "chair.jpg"), quality=86, optimize=True
    )


def signature():
    """A signature as an SVG path: a looping hand-written line."""
    pts = []
    for i in range(220):
        t = i / 219
        xx = 10 + 380 * t
        yy = 60 + 22 * math.sin(t * 19) * (1 - 0.6 * t) + 10 * math.sin(t * 41)
        pts.append((xx, yy))
    d = "M" + " L".join(f"{a:.1f} {b:.1f}" for a, b in pts)
    d += " M60 95 C 140 80, 260 105, 330 88"
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120">'
        f'<path d="{d}" fill="none" stroke="#1B2A4A" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>'
        "</svg>\n"
    )
    with open(os.path.join(HERE, "signature.svg"), "w") as f:
        f.write(svg)


if __name__ == "__main__":
    cover()
    portrait()
    signature()
