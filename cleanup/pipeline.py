"""The stages in order, and each stage's rules in order: the whole pipeline on one screen."""

from __future__ import annotations

import functools
from dataclasses import replace

from . import assemble as assembly
from . import classify as classifying
from . import boxheads, captioncues, captions, columns, cutlines, doubt, figures, furniture, headquotes, headrows, headscraps, join, joinheads, joinpieces, lexicon, misread, noise, normalize, ocrpage, ocrscript, polish, shapes, strays
from .decode import decode
from .layout import build_blocks, split_lines
from .model import Block, Config, Item, Page, Step
from .rulebook import REGISTRY, apply_text_rules

# Spreads are closed per line, before joining glues a spread line to its neighbours.
LINE_RULES = ["NM01", "NM05", "NM02", "NM03", "NM04", "SP02", "PU05"]
# the decision first, then the cues it weighs (rules/noise.toml)
NOISE_RULES = ["NZ01", "NZ40", "NZ26", "NZ27", "NZ28", "NZ29", *noise.LINE_CUES, *noise.CONTEXT_CUES, "NZ13"]
FURNITURE_RULES = ["FU01", "FU02", "FU07", "FU08", "FU03", "FU12", "FU05", "FU06", "FU04", "FU09", "FU13"]
# weighed, not run in turn (rules/join.toml); the order is the one the weights were first fitted from
JOIN_RULES = ["JN21", "JN13", "JN18", "JN01", "JN12", "JN02", "JN15", "JN16", "JN03", "JN04", "JN14", "JN08", "JN19", "JN34", "JN20", "JN31", "JN09", "JN11", "JN05", "JN06", "JN10", "JN17", "JN07", "JN22", "JN23", "JN24", "JN27", "JN39", "JN44", "JN45", "JN47", "JN50", "JN65", "JN70", "JN80", "JN92", "JN91", "JN93"]
# weighed, not run in turn (rules/classify.toml); the order is the one the weights were first fitted from
CLASSIFY_RULES = ["CL11", "CL01", "CL02", "CL03", "CL04", "CL05", "CL14", "CL12", "CL06", "CL08", "CL09", "CL15", "CL16", "CL30", "CL33", "CL34", "CL17", "CL10", "CL07"]
COLUMN_CUES = columns.LINK_CUES + columns.STRUCTURE_CUES  # weighed, not run in turn: see assign.py
# PU02 first: a widened parenthesis is a CJK neighbour that PU01 widens a mark beside; PU07 and PU08 read curled quotes
POLISH_RULES = ["SP01", "SP06", "SP08", "PU04", "PU06", "PU02", "PU01", "PU03", "PU08", "PU10", "PU09", "PU07", "SP03", "SP04", "SP05", "SP07"]
STAGE_LISTS = (LINE_RULES, NOISE_RULES, FURNITURE_RULES, COLUMN_CUES, JOIN_RULES, CLASSIFY_RULES, POLISH_RULES)
_MODULES = (normalize, noise, furniture, join, joinheads, joinpieces, classifying, captioncues, polish, misread)  # importing them registers their rules


def rules(codes: list[str]):
    return [REGISTRY[code] for code in codes]


@functools.cache
def joiner() -> join.Joiner:
    """The join cues and their weights, read once a process."""
    return join.Joiner.of(rules(JOIN_RULES))


@functools.cache
def classifier() -> classifying.Classifier:
    """The classify cues and their weights, read once a process."""
    return classifying.Classifier.of(rules(CLASSIFY_RULES))


def clean_text(text: str, source: str, config: Config = Config(), warnings: tuple[str, ...] = ()) -> Page:
    """Decoded page text -> items."""
    trace: list[Step] | None = [] if config.trace else None
    line_rules = rules(LINE_RULES)
    raw_lines = split_lines(text)
    numbered = [(no, line if normalize.is_clean_line(line) else apply_text_rules(line_rules, line, "line", (no, no), trace))
                for no, line in raw_lines]
    justified = frozenset(no for no, line in raw_lines if " " in line and shapes.is_spread(line))
    boxes = columns.boxes_by_height(raw_lines)
    read_by_ocr = ocrpage.read_by_ocr(line for _, line in raw_lines)  # the gate of HD04, HD15, HD30, HD35, HD70, HD71, AS54, AS81, AS82 (off boxes), JN70, NZ40 and CW65, and the doubt model's page cue
    junk = noise.split_noise(numbered, dict(raw_lines), trace, ocr=read_by_ocr or boxes, tess=read_by_ocr and not boxes, boxed=boxes)
    pictures = frozenset(no for no, text in junk.kept if not text) & {no for no, _ in junk.noise}  # blanked: a picture stood there
    head = furniture.split_furniture(junk.kept, trace, bool(junk.noise))  # junk set aside: OCR, no lone section (FU09)
    if head.specks:  # the masthead's specks the head's run passed over are junk
        junk = replace(junk, noise=sorted([*junk.noise, *head.specks]))
    numbered = head.kept
    unmixed = columns.deinterleave(headrows.unstack_rows(numbered, trace), trace, boxes=boxes, raw=raw_lines,
                                  ocr=read_by_ocr or boxes)
    (numbered, parted), warnings = headrows.part_rows_read_across(unmixed.numbered, trace, justified), (*warnings, *unmixed.warnings)
    dealt = bool(boxes) and bool(unmixed.rebuilt)  # an OCR engine's boxes, sorted by height: columns dealt out
    if dealt:  # HD18: a couplet title's halves the column stage left apart by a neighbour's head box, made one line
        numbered = boxheads.part_box_heads(numbered, trace)
    numbered, head_parted = headrows.part_head_rows(numbered, trace, whole_heads=not (read_by_ocr or dealt))
    parted |= head_parted
    numbered = strays.rejoin_stray_halves(numbered, trace)
    blocks = build_blocks(numbered, joiner(), justified, trace, parted, dealt, read_by_ocr)
    blocks = noise.mark_under_junk(blocks, dict(raw_lines), pictures)
    blocks = classifying.classify(blocks, classifier(), trace, tess=read_by_ocr and not boxes)  # (CL34 off on Tesseract pages)
    # FU09: the head's section name set alone goes to the head only now: its place parted blocks for the stages above
    head, blocks = furniture.place_section(head, blocks, trace)
    # HD04: a lone line a blank Tesseract set cut from its paragraph, read as a headline; only on a page read by
    # OCR (its weights were fitted there; a text dump's lone line is a headline) and printing no line spread (an
    # extractor's letter-spaced lines hold word gaps as wide as gutters), not on a box dump (it sets no blanks)
    if not boxes and not justified and read_by_ocr:
        blocks = cutlines.rejoin_cut_lines(blocks, trace)
        # HD08 (gated as HD04, fitted on the same dumps): a date or a speck OCR set over a head is not its title
        blocks = headscraps.set_out_scraps(blocks, trace)
    if read_by_ocr:  # HD15: OCR drops a headline line's closing quote; before PU07 takes a lone mark for a phrase space
        blocks = headquotes.close_dropped_quotes(blocks, trace)
        # HD30: a figure's 1 Tesseract read as ] (FU06 mends the running head's); once the blocks are read, as
        # the print would have them read (a mended date opening a line moved the caption cues on held-out pages)
        blocks = figures.restore_block_figures(blocks, trace)
    read = "boxes" if dealt else "ocr" if read_by_ocr else "text"  # AS65 for text only, AS70 not on boxes
    blocks = assembly.space_headline_lines(captions.split_run_in_credits(captions.part_swallowed_ledes(blocks, trace)))
    polish_rules = rules(POLISH_RULES)
    blocks = [_polish(block, polish_rules, trace, config) for block in blocks]
    blocks = [block for block in blocks if block.text]
    raw = dict(raw_lines)
    context = doubt.Context(frozenset(no for no, _ in junk.noise), unmixed.rebuilt, junk.near,
                            sum(1 for _, line in raw_lines if line.strip()), raw, doubt.spaced_share(raw), read_by_ocr)
    items = assembly.assemble(blocks, trace, read)
    if read_by_ocr and not boxes:  # HD70 (Tesseract): an engine reads a picture's specks and a column's label over a head; before the
        items, specks = assembly.headline_under_no_title(items, trace, raw)  # seams' polish, which polishes the line as body text
        junk = replace(junk, noise=sorted([*junk.noise, *specks])) if specks else junk  # NZ70: junk, to the noise item
        items = assembly.head_inside_sentence(items, trace, raw)  # HD71: a head's second line read inside its story's sentence
        items = assembly.head_glued_over_dateline(items, raw, trace)  # AS81, AS82: a head glued to the text above it
        items = assembly.head_read_as_text(items, raw, trace)  # AS54: a head read as a line of text over its dateline
    items = assembly.dash_titles_to_subtitles([_polish_seams(item, polish_rules, trace) for item in items], trace)
    items = assembly.space_couplet_titles(items, trace, boxed=dealt)  # a box or an extractor took in a couplet's gap
    items = doubt.weigh(furniture.with_furniture_item(items, head), context)
    # CV02: traditional print OCR read in simplified; not where the user chose the output's script (--convert)
    if read_by_ocr and not boxes and not config.convert and ocrscript.read_in_simplified(text):
        items, warnings = ocrscript.to_traditional(items, trace), (*warnings, ocrscript.warning(text))
    items = noise.with_noise_item(items, junk)
    return Page(source, tuple(items), warnings + junk.warnings, tuple(trace or ()), text)


def clean(raw: bytes, source: str, config: Config = Config()) -> Page:
    """Raw dump bytes -> items. Raises decode.DecodeError for a file that is not text."""
    decoded = decode(raw, config.encoding)
    return clean_text(decoded.text, source, config, decoded.warnings)


def _polish_seams(item: Item, polish_rules, trace: list[Step] | None) -> Item:
    """Polish an article's paragraphs again where assembly glued two polished ones (a sentence cut
    at a column jump, AS12): a rule may apply across the seam. Polish is idempotent elsewhere."""
    if item.kind != "article":
        return item
    body = tuple((tag, text) if tag != "p" or polish.is_clean_block(text, "body") or shapes.is_byline(text)
                 else (tag, apply_text_rules(polish_rules, text, "body", (item.first, item.first), trace))
                 for tag, text in item.body)
    return item if body == item.body else replace(item, body=body)


def _polish(block: Block, polish_rules, trace: list[Step] | None, config: Config) -> Block:
    text = block.text
    if not polish.is_clean_block(text, block.role):
        text = apply_text_rules(polish_rules, text, block.role, (block.first, block.last), trace)
    if config.convert:
        converted = lexicon.converter(config.convert).convert(text)
        if trace is not None and converted != text:
            trace.append(Step("CV01", "convert-script", block.first, block.last, text, converted))
        text = converted
    return block if text == block.text else replace(block, text=text)
