#!/usr/bin/python3
"""Draws the example documents' images (content/images/), so that they are
ours to ship (licence: the project's) and can be made again:

  logo.png  the chamber's mark (a ship's wheel in a circle over waves) with
            苫小牧商工会議所 beside it, RGBA with a transparent background
            (an alpha channel: the PDFs' /SMask path)
  map.jpg   a schematic map of the port of Tomakomai (coast, quays, roads,
            the chamber), RGB baseline JPEG

Needs Debian's python3-pil (run with /usr/bin/python3) and the BIZ UD
fonts in fonts/.  The committed files are what the tests use; running this
again gives the same pictures (PIL's output is deterministic)."""
import math
import os
import sys

from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "content", "images")
GOTHIC = os.path.join(ROOT, "fonts", "BIZUDGothic-Bold.ttf")
NAVY = (31, 78, 121, 255)
SEA = (205, 225, 240)
LAND = (242, 238, 226)


def logo():
    w, h = 1340, 300
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    cx, cy, r = 150, 150, 130
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=NAVY, width=16)
    for k in range(8):   # a ship's wheel: the port city
        a = k * math.pi / 4
        d.line([cx + 30 * math.cos(a), cy + 30 * math.sin(a), cx + 95 * math.cos(a), cy + 95 * math.sin(a)],
               fill=NAVY, width=12)
    d.ellipse([cx - 34, cy - 34, cx + 34, cy + 34], outline=NAVY, width=12)
    d.ellipse([cx - 100, cy - 100, cx + 100, cy + 100], outline=NAVY, width=10)
    for i in range(3):   # waves under the wheel
        y = 250 + i * 0
        d.arc([cx - 120 + i * 80, y - 20, cx - 40 + i * 80, y + 20], 200, 340, fill=NAVY, width=8)
    font = ImageFont.truetype(GOTHIC, 118)
    d.text((320, 150), "苫小牧商工会議所", font=font, fill=NAVY, anchor="lm")
    im.save(os.path.join(OUT, "logo.png"), optimize=False)


def port_map():
    w, h = 1600, 1000
    im = Image.new("RGB", (w, h), LAND)
    d = ImageDraw.Draw(im)
    # the sea to the south, the coast running east–west
    coast = [(0, 640), (300, 660), (560, 650), (800, 700), (1100, 690), (1600, 720), (1600, 1000), (0, 1000)]
    d.polygon(coast, fill=SEA)
    # the port: a dug-in basin with quays (苫小牧港西港区)
    d.polygon([(560, 650), (600, 420), (900, 420), (940, 700)], fill=SEA)
    for x in (640, 720, 800):
        d.rectangle([x, 470, x + 40, 640], fill=LAND, outline=(120, 120, 120), width=3)
    d.line([(520, 900), (1000, 860)], fill=(90, 90, 90), width=12)   # breakwater
    # roads: the national route along the coast and one inland
    d.line([(0, 560), (1600, 600)], fill=(200, 120, 60), width=14)
    d.line([(1200, 0), (1150, 600)], fill=(200, 120, 60), width=10)
    d.line([(0, 300), (1600, 330)], fill=(160, 160, 160), width=8)   # the railway
    for x in range(0, 1600, 60):
        d.line([(x, 300 + x * 30 / 1600), (x + 30, 300 + (x + 30) * 30 / 1600)], fill=LAND, width=4)
    # the chamber
    d.rectangle([1230, 420, 1290, 480], fill=(31, 78, 121))
    font = ImageFont.truetype(GOTHIC, 44)
    d.text((1310, 450), "商工会議所", font=font, fill=(31, 78, 121), anchor="lm")
    d.text((700, 380), "西港区", font=font, fill=(40, 40, 40), anchor="mm")
    d.text((1300, 850), "太平洋", font=font, fill=(60, 90, 120), anchor="mm")
    d.text((300, 530), "国道36号", font=ImageFont.truetype(GOTHIC, 34), fill=(150, 80, 30), anchor="mm")
    d.text((300, 270), "JR室蘭本線", font=ImageFont.truetype(GOTHIC, 34), fill=(90, 90, 90), anchor="mm")
    # north arrow
    d.polygon([(120, 60), (100, 140), (120, 125), (140, 140)], fill=(40, 40, 40))
    d.text((120, 170), "N", font=font, fill=(40, 40, 40), anchor="mm")
    im.save(os.path.join(OUT, "map.jpg"), quality=85, optimize=False, progressive=False)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    logo()
    port_map()
    sys.exit(0)
