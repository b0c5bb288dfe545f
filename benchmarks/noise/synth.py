"""Scanned-looking pages with pictures, rules, ornaments and show-through, read by Tesseract.

A stand-in for the factory corpus while it is being made: it gives OCR dumps whose
junk lines are known, to look at and to try the noise stage on (never to fit it).

    python benchmarks/noise/synth.py OUT_DIR --pages 20 --seed 1

writes OUT_DIR/sNNN.txt (the dump, as `tesseract IMG OUT -l chi_sim` prints it) and
OUT_DIR/sNNN.labels (one line per dump line: `blank`, `real` or `junk`, from where
Tesseract found the line: on printed text or not). Needs Pillow and tesseract-ocr-chi-sim.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[2]
SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
W, H = 1650, 2330  # A4-ish at 200 dpi
MARGIN = 90


def paragraphs() -> list[str]:
    """Printed text to set: the golden pages' expected paragraphs."""
    out = []
    for md in sorted((ROOT / "golden").glob("*/*.md")):
        body = md.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        out += [p.lstrip("#").strip() for p in body.split("\n\n") if len(p.strip()) > 8]
    return out


class Page:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.img = Image.new("L", (W, H), 255)
        self.draw = ImageDraw.Draw(self.img)
        self.text_boxes: list[tuple[int, int, int, int]] = []
        self.picture_boxes: list[tuple[int, int, int, int]] = []
        self.printed = ""

    def text_line(self, xy, text, font, fill=20):
        self.draw.text(xy, text, font=font, fill=fill)
        self.printed += text.replace("　", "")
        box = self.draw.textbbox(xy, text, font=font)
        self.text_boxes.append(box)
        return box

    def photo(self, box):
        """A picture with the details OCR reads as text: strokes, broken signs, icons, a chart, a mirror."""
        x0, y0, x1, y1 = box
        rng, w, h = self.rng, x1 - x0, y1 - y0
        pic = Image.new("L", (w, h), rng.choice([255, rng.randint(120, 255)]))
        d = ImageDraw.Draw(pic)
        for _ in range(rng.randint(0, 12)):  # shapes of a scene
            a, b = sorted((rng.randint(0, w), rng.randint(0, w))), sorted((rng.randint(0, h), rng.randint(0, h)))
            rng.choice([d.ellipse, d.rectangle])((a[0], b[0], a[1], b[1]), fill=rng.randint(0, 255))
        for kind in rng.sample(["strokes", "glyphs", "mirror", "icons", "chart"], rng.randint(1, 3)):
            getattr(self, "_" + kind)(d, pic, w, h)
        pic = pic.filter(ImageFilter.GaussianBlur(rng.uniform(0, 1.2)))
        self.img.paste(pic, (x0, y0))
        self.draw.rectangle(box, outline=0, width=rng.randint(0, 3))
        self.picture_boxes.append(box)

    def _strokes(self, d, pic, w, h):
        for _ in range(self.rng.randint(20, 120)):
            x, y = self.rng.randint(0, w), self.rng.randint(0, h)
            d.line([(x, y), (x + self.rng.randint(-30, 30), y + self.rng.randint(-30, 30))],
                   fill=self.rng.randint(0, 90), width=self.rng.randint(1, 5))

    def _glyphs(self, d, pic, w, h):  # signs and banners, cut and covered
        rng = self.rng
        for _ in range(rng.randint(2, 8)):
            words = rng.choice(self.vocab)[:rng.randint(1, 4)] if rng.random() < 0.8 else \
                "".join(rng.choice("ABCDEFGHKMNSTWXYaeiou") for _ in range(rng.randint(2, 5)))
            font = ImageFont.truetype(rng.choice([SANS, SERIF]), rng.randint(25, 90))
            d.text((rng.randint(-20, max(0, w - 40)), rng.randint(-20, max(0, h - 40))), words, font=font, fill=rng.randint(0, 100))
        for _ in range(rng.randint(3, 15)):
            x, y = rng.randint(0, w), rng.randint(0, h)
            d.rectangle([x, y, x + rng.randint(5, 80), y + rng.randint(5, 80)], fill=rng.randint(0, 255))

    def _mirror(self, d, pic, w, h):  # a printed page seen through a window, or the back of a poster
        layer = Image.new("L", (w, h), 0)
        ld = ImageDraw.Draw(layer)
        font = ImageFont.truetype(SERIF, 28)
        for k in range(h // 46):
            ld.text((5, 5 + k * 46), self.rng.choice(self.vocab) * 6, font=font, fill=255)
        pic.paste(self.rng.randint(60, 200), (0, 0), layer.transpose(Image.Transpose.FLIP_LEFT_RIGHT))

    def _icons(self, d, pic, w, h):
        font = ImageFont.truetype(SANS, self.rng.randint(20, 50))
        for _ in range(self.rng.randint(3, 12)):
            d.text((self.rng.randint(0, max(1, w - 40)), self.rng.randint(0, max(1, h - 40))),
                   self.rng.choice("■◆★●▲※◎〓|/\\<>—…·①②"), font=font, fill=self.rng.randint(0, 120))

    def _chart(self, d, pic, w, h):
        font = ImageFont.truetype(SANS, 14)
        for k in range(self.rng.randint(3, 9)):
            x, bar = 20 + k * 40, self.rng.randint(20, max(21, h - 40))
            d.rectangle([x, h - 20 - bar, x + 25, h - 20], fill=self.rng.randint(0, 150))
            d.text((x, h - 18), str(self.rng.randint(1, 99)), font=font, fill=0)

    def ornament(self, x, y):
        rng = self.rng
        font = ImageFont.truetype(SANS, rng.randint(24, 60))
        mark = rng.choice(["■", "◆", "★", "●", "▲", "※", "◎", "〓", "||", "■■■", "……", "//"])
        self.draw.text((x, y), mark, font=font, fill=rng.randint(0, 120))
        self.picture_boxes.append(self.draw.textbbox((x, y), mark, font=font))


def build(rng: random.Random, texts: list[str], pictures: float = 0.85) -> Page:
    page = Page(rng)
    page.vocab = [t[i:i + rng.randint(2, 6)] for t in texts[:50] for i in range(0, 20, 7)]
    draw = page.draw
    if rng.random() < 0.5:  # show-through: the back page, mirrored and faint, under everything
        back = Image.new("L", (W, H), 0)
        bd = ImageDraw.Draw(back)
        font = ImageFont.truetype(SERIF, 28)
        y = MARGIN
        para = iter(rng.sample(texts, len(texts)))
        while y < H - MARGIN:
            bd.text((MARGIN, y), next(para)[:52], font=font, fill=255)
            y += 46
        back = back.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        page.img.paste(rng.randint(170, 225), (0, 0), back)
    small = ImageFont.truetype(SERIF, 22)
    page.text_line((MARGIN, 40), f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 星期{rng.choice('一二三四五六日')}", small)
    page.text_line((W - MARGIN - 200, 40), f"第{rng.randint(1, 16)}版 {rng.choice(['要闻', '社会', '经济', '综合'])}", small)
    draw.line([(MARGIN, 78), (W - MARGIN, 78)], fill=0, width=rng.choice([2, 4, 6]))
    y = 110
    pool = iter(rng.sample(texts, len(texts)))
    while y < H - 400:
        y = story(page, rng, pool, y, pictures)
        if rng.random() < 0.7:
            draw.line([(MARGIN, y + 10), (W - MARGIN, y + 10)], fill=0, width=rng.choice([1, 2, 3, 5]))
        if rng.random() < 0.6:
            page.ornament(rng.randint(MARGIN, W - 200), y + 20)
        y += 50
    return page


def sheet(rng: random.Random, texts: list[str]) -> Page:
    """Pictures alone, apart from each other: whatever OCR reads on it is junk."""
    page = Page(rng)
    page.vocab = [t[i:i + rng.randint(2, 6)] for t in rng.sample(texts, 50) for i in range(0, 20, 7)]
    for row in range(6):
        for col in range(3):
            x, y = 40 + col * 540, 40 + row * 380
            page.photo((x, y, x + rng.randint(200, 480), y + rng.randint(120, 330)))
    return page


def story(page: Page, rng: random.Random, pool, y: int, pictures: float) -> int:
    head = next(pool)[:rng.randint(8, 18)].rstrip("，。、")
    font = ImageFont.truetype(SANS, rng.randint(48, 72))
    page.text_line((MARGIN, y), head, font)
    y += font.size + 30
    if rng.random() < 0.5:
        sub = ImageFont.truetype(SERIF, 34)
        page.text_line((MARGIN + 40, y), "——" + next(pool)[:rng.randint(10, 22)].rstrip("，。、"), sub)
        y += 60
    cols = rng.choice([2, 3, 4])
    gutter = 40
    col_w = (W - 2 * MARGIN - gutter * (cols - 1)) // cols
    body = ImageFont.truetype(SERIF, 28)
    per_line = col_w // 29
    rows = rng.randint(8, 22)
    photo_col = rng.randrange(cols) if rng.random() < pictures else None
    text = "".join("　　" + next(pool) for _ in range(6))
    at = 0
    for c in range(cols):
        x = MARGIN + c * (col_w + gutter)
        yy = y
        if c == photo_col:
            ph = rng.randint(180, 420)
            page.photo((x, yy, x + col_w, yy + ph))
            yy += ph + 10
            cap = next(pool)[:per_line * 2]
            capf = ImageFont.truetype(SANS, 22)
            for k in range(0, len(cap), col_w // 23):
                page.text_line((x, yy), cap[k:k + col_w // 23], capf)
                yy += 32
            yy += 10
        while yy < y + rows * 44:
            page.text_line((x, yy), text[at:at + per_line], body)
            at += per_line
            yy += 44
        if c and rng.random() < 0.5:
            page.draw.line([(x - gutter // 2, y), (x - gutter // 2, y + rows * 44)], fill=0, width=1)
    return y + rows * 44 + 20


def ocr(img: Image.Image, work: Path) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The dump and, for each of its non-empty lines in order, the line's box."""
    png = work / "page.png"
    img.save(png)
    subprocess.run(["tesseract", str(png), str(work / "out"), "-l", "chi_sim", "txt", "tsv"],
                   check=True, capture_output=True)
    text = (work / "out.txt").read_text(encoding="utf-8")
    lines: dict[tuple, list] = {}
    with open(work / "out.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["level"] == "5" and row["text"].strip():
                key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
                x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
                box = lines.setdefault(key, [x, y, x + w, y + h])
                box[:] = [min(box[0], x), min(box[1], y), max(box[2], x + w), max(box[3], y + h)]
    return text, [tuple(b) for b in lines.values()]


def overlap(box, boxes) -> float:
    area = max(1, (box[2] - box[0]) * (box[3] - box[1]))
    inter = 0
    for b in boxes:
        w, h = min(box[2], b[2]) - max(box[0], b[0]), min(box[3], b[3]) - max(box[1], b[1])
        if w > 0 and h > 0:
            inter += w * h
    return min(1.0, inter / area)


def printed(line: str, box, page: Page) -> bool:
    """Whether a dump line holds printed text: half its characters or more lie in stretches of three
    or more that match the page's text (a line read across two columns, or with a picture's specks
    glued on, is text); a shorter line must be printed text found where text was printed."""
    bare = "".join(line.split())
    matched = sum(len(p) for p in line.split() if len(p) >= 3 and fuzz.partial_ratio(p, page.printed) >= 70)
    if len(bare) >= 3:
        return 2 * matched >= len(bare)
    return bare in page.printed and overlap(box, page.text_boxes) >= 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pictures", type=float, default=0.85, help="chance that a story has a picture")
    parser.add_argument("--sheets", type=int, default=0, help="also sheets of pictures alone: junk.txt, every line junk")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    texts = paragraphs()
    for n in range(args.sheets):
        rng = random.Random(args.seed * 1000 + 500 + n)
        with tempfile.TemporaryDirectory() as tmp:
            text, _ = ocr(sheet(rng, texts).img, Path(tmp))
        with open(args.out / "junk.txt", "a", encoding="utf-8") as f:
            f.write(text.rstrip("\n") + "\n\n")
    for n in range(args.pages):
        rng = random.Random(args.seed * 1000 + n)
        page = build(rng, texts, args.pictures)
        with tempfile.TemporaryDirectory() as tmp:
            text, boxes = ocr(page.img, Path(tmp))
        lines = text.splitlines()
        if sum(1 for line in lines if line.strip()) != len(boxes):
            print(f"s{args.seed}{n:03d}: lines and boxes disagree, skipped")
            continue
        labels, it = [], iter(boxes)
        for line in lines:
            if not line.strip():
                labels.append("blank")
                continue
            box = next(it)
            labels.append("real" if printed(line, box, page) else "junk")
        stem = f"s{args.seed}{n:03d}"
        (args.out / f"{stem}.txt").write_text(text, encoding="utf-8")
        (args.out / f"{stem}.printed").write_text(page.printed, encoding="utf-8")
        (args.out / f"{stem}.labels").write_text("\n".join(labels) + "\n", encoding="utf-8")
        print(stem, labels.count("real"), "real", labels.count("junk"), "junk")


if __name__ == "__main__":
    main()
