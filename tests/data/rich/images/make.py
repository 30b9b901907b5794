"""Makes the rich test report's images (CC0: drawn by this script, no photograph used).

    python3 make.py DISPLAY-P3.icc    # needs numpy and Pillow

- phone-photo.jpg: a 2000 x 1500 RGB scene saved the way phones save photos: EXIF (make,
  model, orientation, date), an embedded Display P3 profile, 4:2:0 chroma, quality 80;
- grey-photo.jpg: the same scene in greyscale, 1500 x 1000;
- dashboard.png: a 600 px wide RGB screenshot with transparent rounded corners;
- sideways-photo.jpg: an 800 x 600 scene stored on its side (600 x 800 pixels) with EXIF
  orientation 6, as a phone held upright stores it: viewers turn it a quarter clockwise.
"""
import sys
import numpy as np
from PIL import Image

rng = np.random.default_rng(2020)


def scene(w, h):
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)
    t = y / h  # sky: deep blue to pale at the horizon
    img[..., 0] = 40 + 170 * t
    img[..., 1] = 90 + 140 * t
    img[..., 2] = 190 + 50 * t
    d = np.hypot(x - 0.72 * w, y - 0.28 * h)  # the sun
    sun = np.clip(1 - d / (0.09 * w), 0, 1) ** 0.6
    img += sun[..., None] * np.array([255, 200, 90]) * 0.9
    # Hills in saturated greens (beyond sRGB once tagged Display P3), a house with a red roof.
    hill = 0.62 * h + 0.08 * h * np.sin(x / w * 7.0) + 0.04 * h * np.sin(x / w * 19.0)
    shade = np.clip((y - hill) / (0.4 * h), 0, 1)
    green = np.stack([20 + 40 * shade, 170 - 90 * shade, 40 + 10 * shade], -1)
    img = np.where((y > hill)[..., None], green, img)
    cx = 0.3 * w
    roof = (np.abs(x - cx) < (y - 0.55 * h) * 0.9) & (y > 0.55 * h) & (y < 0.62 * h)
    img[roof] = [235, 30, 25]
    wall = (np.abs(x - cx) < 0.045 * w) & (y >= 0.62 * h) & (y < 0.72 * h)
    img[wall] = [240, 235, 220]
    img += rng.normal(0, 6, img.shape)  # sensor noise
    return np.clip(img, 0, 255).astype(np.uint8)


p3 = open(sys.argv[1], 'rb').read()
exif = Image.Exif()
exif[0x010F] = 'folio'  # Make
exif[0x0110] = 'test phone'  # Model
exif[0x0112] = 1  # Orientation: as stored
exif[0x0132] = '2020:06:01 12:00:00'
Image.fromarray(scene(2000, 1500), 'RGB').save(
    'phone-photo.jpg', quality=80, subsampling=2, icc_profile=p3, exif=exif.tobytes())
Image.fromarray(scene(1500, 1000), 'RGB').convert('L').save('grey-photo.jpg', quality=80)
turned = Image.Exif()
turned[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to view
Image.fromarray(scene(800, 600), 'RGB').rotate(90, expand=True).save(
    'sideways-photo.jpg', quality=70, exif=turned.tobytes())

w, h, r = 600, 360, 24
s = np.full((h, w, 4), 255, np.uint8)
s[..., :3] = [245, 247, 250]
s[:48, :, :3] = [0, 94, 184]
for i, v in enumerate([0.35, 0.7, 0.5, 0.9, 0.6]):
    s[int(330 - v * 250):330, 60 + i * 100:120 + i * 100, :3] = [0, 164, 153]
yy, xx = np.mgrid[0:h, 0:w]
for cx, cy in [(r, r), (w - r - 1, r), (r, h - r - 1), (w - r - 1, h - r - 1)]:
    box = (np.abs(xx - cx) <= r) & (np.abs(yy - cy) <= r)
    outside = ((xx - cx) * (cx - w / 2) > 0) & ((yy - cy) * (cy - h / 2) > 0)
    s[box & outside & (np.hypot(xx - cx, yy - cy) > r), 3] = 0
Image.fromarray(s, 'RGBA').save('dashboard.png', optimize=True)
