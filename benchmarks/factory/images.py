"""Synthetic press photos: gradients, shapes, texture and a few stroke-like marks.

OCR engines read junk in real photos (edges, signs, crowds); these pictures give
Tesseract and RapidOCR the same kind of material, so their dumps carry noise lines.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

DPI = 150
_PX_PER_MM = DPI / 25.4


def _colour(rng: random.Random, grey: bool) -> tuple[int, int, int]:
    if grey:
        v = rng.randint(20, 235)
        return (v, v, v)
    return (rng.randint(20, 235), rng.randint(20, 235), rng.randint(20, 235))


def _gradient(rng: random.Random, size: tuple[int, int], grey: bool) -> Image.Image:
    top, bottom = _colour(rng, grey), _colour(rng, grey)
    column = Image.new("RGB", (1, size[1]))
    for y in range(size[1]):
        t = y / max(1, size[1] - 1)
        column.putpixel((0, y), tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return column.resize(size)


def _marks(rng: random.Random, draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    """A cluster of short strokes, like the lettering of a sign or a banner."""
    glyph = rng.randint(12, 40)
    x0, y0 = rng.randint(0, max(1, size[0] - glyph * 6)), rng.randint(0, max(1, size[1] - glyph))
    ink = (0, 0, 0) if rng.random() < 0.6 else (255, 255, 255)
    for n in range(rng.randint(1, 6)):
        gx = x0 + n * int(glyph * 1.1)
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.5:
                y = y0 + rng.randint(0, glyph)
                draw.line([(gx + rng.randint(0, glyph // 3), y), (gx + rng.randint(glyph // 2, glyph), y)], fill=ink, width=max(2, glyph // 9))
            else:
                x = gx + rng.randint(0, glyph)
                draw.line([(x, y0 + rng.randint(0, glyph // 3)), (x + rng.randint(-4, 4), y0 + rng.randint(glyph // 2, glyph))], fill=ink, width=max(2, glyph // 9))


def picture(seed: int, width_mm: float, height_mm: float, marks: tuple[int, int] = (2, 14),
            shapes: tuple[int, int] = (3, 12)) -> bytes:
    """A JPEG of the given print size at 150 dpi, the same for the same seed."""
    rng = random.Random(seed)
    size = (max(8, int(width_mm * _PX_PER_MM)), max(8, int(height_mm * _PX_PER_MM)))
    grey = rng.random() < 0.4
    image = _gradient(rng, size, grey)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(*shapes)):
        x, y = rng.randint(-size[0] // 4, size[0]), rng.randint(-size[1] // 4, size[1])
        w, h = rng.randint(size[0] // 12, size[0] // 2), rng.randint(size[1] // 12, size[1] // 2)
        shape = rng.choice(("ellipse", "rectangle", "polygon"))
        if shape == "ellipse":
            draw.ellipse([x, y, x + w, y + h], fill=_colour(rng, grey))
        elif shape == "rectangle":
            draw.rectangle([x, y, x + w, y + h], fill=_colour(rng, grey))
        else:
            draw.polygon([(x + rng.randint(0, w), y + rng.randint(0, h)) for _ in range(rng.randint(3, 6))], fill=_colour(rng, grey))
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.5)))
    noise = Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).convert("RGB")
    image = Image.blend(image, noise, rng.uniform(0.03, 0.12))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(*marks)):
        _marks(rng, draw, size)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()
