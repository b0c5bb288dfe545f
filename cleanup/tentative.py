"""Stories opened on weak evidence inside a running one (AS19: after a photo, at a change of column
width, by a source named) weighed once the heads are placed: rejoined to the story above (AS20),
kept apart for a headline of their own or one waiting below (AS21, AS37), or carried on an earlier
story whose words they share (AS38); a headline such a story took from right over the story above
goes back to it (AS39)."""

from __future__ import annotations

from . import seams, sequels, shapes, wordmatch
from .attach import Placed, may_open_story, merge
from .drafts import Draft
from .heads import Head, build_head
from .model import Block, Step

STILL_SPOKEN_OF = 0.05  # a headline this similar to a paragraph shares a word with it


def rejoin_unclaimed_breaks(drafts: list[Draft], runs: list[Placed], trace: list[Step] | None = None) -> None:
    """A story opened without a dateline inside a running one goes back on it, unless a headline of its own claims it.

    Opened by a source named (据某某社报道) or by a new paragraph after a
    photo, a story may start there or the one above go on. A headline
    printed right over the one above, in one run, is not its own: the two
    are one head (a title over its subtitle). A headline no story took,
    printed right under it and speaking of it, is (`_waiting_head_below`).
    """
    for draft in reversed(drafts):
        above = draft.broke_from
        if above is None or draft.byline or above not in drafts:
            continue
        tentative = draft.after_photo or draft.width_change  # (a source named parts no stories by itself)
        if _head_over_above(draft, above, drafts):
            _note(trace, "AS39", "head-goes-over-story-above", draft, above,
                  f"the headline (line {draft.head.first}) stands right over that story, which has none")
            above.head, above.head_run, draft.head, draft.head_run = draft.head, draft.head_run, None, None
        waiting = _waiting_head_below(draft, above, drafts) if draft.head is None and tentative else None
        if waiting is not None and not _goes_on(draft, above, waiting):
            _note(trace, "AS21", "tentative-story-kept", draft, above, _why_waits(draft, above, waiting))
            _take_head(draft, waiting, drafts)
            _lede_goes_below(draft, _story_before(draft, drafts), trace, drafts)
            continue
        if draft.head is not None:
            if _title_over_subtitle(draft, above, runs):
                blocks = runs[above.head_run].run.blocks
                _note(trace, "AS20", "tentative-story-rejoined", draft, above, f"its headline (line {draft.head.first}) "
                      "stands right over the one the story above took, in one run: a title over its subtitle")
                above.head = build_head([b for b in blocks if draft.head.first <= b.first <= above.head.last
                                         and _of_heads(b, draft.head, above.head)])
                merge(above, draft, drafts, "" if draft.width_change else  # (only our own guess undone)
                       f"AS11 two headline groups of one run rejoined over one story (line {draft.first})")
            elif _opener_stays_above(draft, above):
                _note(trace, "AS35", "opener-stays-above", draft, above,
                      f"the headline at line {draft.head.first} claims the paragraphs after its first, not that one "
                      "(it shares no word with it; the headline above does): the story starts one paragraph later")
                above.body.append(draft.body.pop(0))
                above.starts.append(draft.starts.pop(0))
                above.spans.append(draft.spans.pop(0))
                draft.first = draft.starts[0]
            else:
                _note(trace, "AS21", "tentative-story-kept", draft, above,
                      f"the headline at line {draft.head.first} claims it: {draft.head.text[:20]}")
                if not _piece_goes_above(draft, above, trace):
                    _lede_goes_below(draft, _story_before(draft, drafts), trace, drafts)
        else:
            goes_on = _goes_on(draft, above)
            if goes_on and not _unlike_above(draft, above):
                _note(trace, "AS20" if tentative else "AS09", "tentative-story-rejoined" if tentative else "source-paragraph-kept",
                      draft, above, f"no headline claims it, and {_why_on(draft, above)}")
                merge(above, draft, drafts, "" if tentative else
                      f"AS09 a paragraph naming its source (line {draft.first}) kept in this story: no headline of its own")
            elif goes_on:
                _note(trace, "AS37", "width-change-unlike-above", draft, above,
                      f"no headline claims it, and {_why_on(draft, above)}, but it is set at a width of its own and "
                      f"only {wordmatch.shared_share(_text(draft), _text(above)):.2f} of its word pairs are found in the "
                      f"story above (< {CARRIED_ON:g})")
                earlier = _carried_on_from(draft, [d for d in drafts if d is not above])
                if earlier is not None:
                    _note(trace, "AS38", "goes-on-earlier-story", draft, earlier,
                          f"{wordmatch.shared_share(_text(draft), _text(earlier)):.2f} of its word pairs are found there "
                          f"(≥ {CARRIED_FROM:g}, over {CARRIED_AHEAD:g}× any other story's): a column of that story")
                    merge(earlier, draft, drafts, "")
            else:
                _note(trace, "AS21", "tentative-story-kept", draft, above,
                      f"no headline claims it, but {_why_on(draft, above)}")
                if tentative and (earlier := _sequel_of(draft, drafts)) is not None:
                    _note(trace, "AS48", "goes-on-open-story", draft, earlier,
                          f"it goes on the sentence that story's last paragraph, the only one on the page, leaves open "
                          f"(a clause mark, or a word or page pair across: {_last(earlier)[-6:]}|{_text(draft)[:4]})")
                    merge(earlier, draft, drafts, "")


def _head_over_above(draft: Draft, above: Draft, drafts: list[Draft]) -> bool:
    """AS39: a story opened after a photo took a headline printed right over the headless story above it
    (its later paragraphs spoke of the head's words more): the head is the story above's, printed over it.

    >>> above = Draft("article", 81, body=[("p", "我们主营小商品出口东南亚市场。")])
    >>> draft = Draft("article", 94, head=Head(title="汇率避险工具箱再扩容", first=78, last=104),
    ...               body=[("p", "今年以来，各币种汇率波动加剧。")], broke_from=above, after_photo=True)
    >>> _head_over_above(draft, above, [above, draft]), _head_over_above(draft, above, [Draft("photo", 80), above, draft])
    (True, False)

    Not a head printed under the story above (its own, after a photo), nor where the story above has a head.
    """
    head = draft.head
    if not draft.after_photo or head is None or above.head is not None or above.kind != "article" or head.first >= above.first:
        return False
    return not any(head.first < d.first < above.first for d in drafts)  # (nothing printed between)


def _opener_stays_above(draft: Draft, above: Draft) -> bool:
    """AS35: a story opened tentatively by a paragraph naming its source (据……报道), claimed by its headline for the
    paragraphs after that one, which the headline above speaks of and its own does not: that paragraph goes on
    the story above (a source named goes on the story it quotes; a photo or a change of column width, which
    part stories themselves, keep it).

    >>> from dataclasses import replace
    >>> above = Draft("article", 1, head=Head(title="美国放弃国籍人数暴增"), body=[("p", "美国放弃国籍的人数再创新高。")])
    >>> draft = Draft("article", 5, head=Head(title="推动基层治理迈向新台阶"), broke_from=above,
    ...               body=[("p", "据报道，美国公民放弃国籍。"), ("p", "基层治理是国家治理的基石。")], starts=[5, 7])
    >>> _opener_stays_above(draft, above), _opener_stays_above(replace(draft, body=draft.body[:1]), above)
    (True, False)
    >>> _opener_stays_above(replace(draft, width_change=True), above)
    False
    """
    if draft.after_photo or draft.width_change or above.head is None or len(draft.body) < 2 \
            or len(draft.starts) != len(draft.body) or draft.body[0][0] != "p":
        return False
    opener = draft.body[0][1]
    return (wordmatch.similarity(draft.head, opener) < STILL_SPOKEN_OF
            and wordmatch.similarity(above.head, opener) >= STILL_SPOKEN_OF)


LEDE_BELOW = {"spoken_of_below": 1.0, "more_below": 1.0}
LEDE_BELOW_FROM = 2.0  # the weighed cues must reach this for a paragraph before the photo to be the story's below
LEDE_AHEAD = 2.0  # "more_below": the headline below this many times as similar to the paragraph as the one above


def _story_before(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The story whose last paragraph is the text printed last before draft's (a split may have moved it off
    the story draft broke from).

    >>> one, two = Draft("article", 1, starts=[1, 3]), Draft("article", 6, starts=[6, 9])
    >>> _story_before(Draft("article", 12, starts=[12]), [one, two, Draft("photo", 10)]) is two
    True
    """
    best = max(((s, k) for k, d in enumerate(drafts) if d is not draft and d.kind in ("article", "note")
                for s in d.starts if s < draft.first), default=None)
    if best is None or drafts[best[1]].kind != "article" or drafts[best[1]].starts[-1] != best[0]:
        return None
    return drafts[best[1]]


def _lede_goes_below(draft: Draft, above: Draft | None, trace: list[Step] | None = None,
                     drafts: list[Draft] | None = None) -> bool:
    """AS44: a story kept apart after a photo (AS21) under a headline of its own takes the paragraphs printed
    right before the photo, the last of the story above, that its headline speaks of, far more than the headline
    above does (the cues weighed, LEDE_BELOW): a caption set between a story's lede and the rest of it. Where it
    speaks so of every paragraph of a headless story above, that story is its start: the two go together.

    >>> from dataclasses import replace
    >>> above = Draft("article", 1, head=Head(title="如何在美国把贪官送进监狱"), starts=[1, 5], spans=[((1, 4),), ((5, 7),)],
    ...               body=[("p", "在美国起诉中国贪官。"), ("p", "梅河口市坚持党建引领基层治理，增进民生福祉。")])
    >>> draft = Draft("article", 12, head=Head(title="突出党建引领 聚焦民生福祉"), starts=[12], spans=[((12, 15),)],
    ...               body=[("p", "一、以建设为引领，夯实民生服务基础。")], broke_from=above, after_photo=True)
    >>> _lede_goes_below(replace(draft), replace(above, head=Head(title="美国基层治理")))
    False
    >>> _lede_goes_below(draft, above), draft.first, len(above.body), draft.body[0][1][:4]
    (True, 5, 1, '梅河口市')

    Not where the headline below speaks as much of every paragraph above (the story above is all its own), nor
    after a sentence cut off, nor a numbered point (it goes on its list), nor stories read out of print order.

    >>> above.body[:1] = [("p", "梅河口市坚持党建引领。"), ("p", "梅河口市坚持党建引领基层治理，增进民生福祉。")]
    >>> above.starts[:1] = [1, 3]; above.spans[:1] = [((1, 2),), ((3, 4),)]
    >>> _lede_goes_below(draft, above)
    False
    >>> headless = replace(above, head=None); stories = [headless, draft]
    >>> _lede_goes_below(draft, headless, drafts=stories), stories == [headless], headless.head.title, len(headless.body)
    (True, True, '突出党建引领 聚焦民生福祉', 4)

    Opened where the column width changes (a lede set wider than the columns under it, the headline printed
    after them), only a headless story, all spoken of, goes with it (a byline over it too), and not across
    another story's headline printed between the two.

    >>> lede = Draft("article", 46, byline="白山市委书记 谢忠岩", starts=[48], spans=[((48, 50),)],
    ...              body=[("p", "白山市委坚决贯彻部署，构建党建引领城乡基层治理体系。")])
    >>> rest = Draft("article", 52, head=Head(title="党委统揽 全域统筹 构建党建引领城乡基层治理新格局", first=69, last=72),
    ...              starts=[52], spans=[((52, 64),)], body=[("p", "一、统一思想认识，推动理念重塑。")],
    ...              broke_from=lede, width_change=True)
    >>> other = Draft("article", 30, head=Head(title="如何在美国把贪官送进监狱", first=51, last=51), starts=[30])
    >>> _lede_goes_below(replace(rest), replace(lede), drafts=[other, replace(lede), replace(rest)])
    False
    >>> stories = [lede, rest]
    >>> _lede_goes_below(rest, lede, drafts=stories), stories == [lede], lede.head.title[:4], lede.byline[:4]
    (True, True, '党委统揽', '白山市委')
    """
    if above is None or not (draft.after_photo or draft.width_change) or draft.head is None or above.kind != "article" or not draft.body \
            or len(above.starts) != len(above.body) or len(draft.starts) != len(draft.body) \
            or above.starts[-1] >= draft.first or above.starts != sorted(above.starts) or draft.starts != sorted(draft.starts) \
            or draft.first != draft.starts[0]:
        return False  # (paragraphs out of print order: what stood before the photo is not known)

    def its_own(text: str) -> bool:
        below = wordmatch.similarity(draft.head, text)
        over = wordmatch.similarity(above.head, text) if above.head is not None else 0.0
        cues = {"spoken_of_below": below >= STILL_SPOKEN_OF, "more_below": below >= LEDE_AHEAD * over}
        return sum(LEDE_BELOW[cue] for cue, on in cues.items() if on) >= LEDE_BELOW_FROM

    k = len(above.body)
    while k > 0 and its_own(above.body[k - 1][1]):
        k -= 1
    wide = not draft.after_photo  # (opened where the column width changes: a lede set in a measure of its own)
    if k == 0 and above.head is None and (wide or not above.byline) and drafts is not None \
            and not (wide and _head_between(above, draft, drafts)):  # a headless story, all its own
        _note(trace, "AS44", "lede-goes-below", draft, above, f"the headline at line {draft.head.first} speaks of "
              f"every paragraph of it (similarity ≥ {STILL_SPOKEN_OF:g}), which has none: the story's start, "
              + ("set in a measure of its own" if wide else "the photo printed in it"))
        above.head, above.head_run = draft.head, draft.head_run
        above.warnings.extend(draft.warnings)  # (AS08: its headline taken on weak evidence)
        merge(above, draft, drafts, "")
        return True
    if wide or k == 0 or k == len(above.body) or above.body[k - 1][0] != "p" or above.body[k][0] != "p" \
            or not may_open_story(above.body[k - 1][1], above.body[k][1]):
        return False
    moved = len(above.body) - k
    draft.body[:0], draft.starts[:0], draft.spans[:0] = above.body[k:], above.starts[k:], above.spans[k:]
    del above.body[k:], above.starts[k:], above.spans[k:]
    draft.first = draft.starts[0]
    _note(trace, "AS44", "lede-goes-below", draft, above,
          f"the headline at line {draft.head.first} speaks of the {moved} paragraph{'s' if moved > 1 else ''} before "
          f"the photo (similarity ≥ {STILL_SPOKEN_OF:g}, over {LEDE_AHEAD:g}× the headline above's), not of the one "
          "before them: the story's lede, the photo printed in it")
    return True


def _piece_goes_above(draft: Draft, above: Draft, trace: list[Step] | None = None) -> bool:
    """AS80: a story opened after a photo or at a change of column width, kept apart for a headline printed after
    its first paragraphs (a row of heads set after their stories), gives back the leading paragraphs that headline
    does not speak of and the story above does: a piece of the story above (the photo printed in it), which the
    next story's text, headless where the heads come later, ran on under.

    >>> above = Draft("article", 1, head=Head(title="突出党建引领 聚焦民生福祉", first=1, last=1), starts=[2], spans=[((2, 8),)],
    ...               body=[("p", "梅河口市坚持党建引领基层治理。")])
    >>> draft = Draft("article", 12, head=Head(title="给黑土地做体检 施肥更精细", first=40, last=40), starts=[12, 20],
    ...               spans=[((12, 19),), ((20, 30),)], body=[("p", "党建引领社区治理，民生福祉持续增进。"), ("p", "农民给黑土地做体检，施肥更精细。")],
    ...               broke_from=above, after_photo=True)
    >>> _piece_goes_above(draft, above), len(above.body), draft.first, draft.body[0][1][:2]
    (True, 2, 20, '农民')

    Not where the headline stands over the draft (its own story's start), nor where it speaks of the first paragraph.
    """
    head = draft.head
    if not (draft.after_photo or draft.width_change) or head is None or above.kind != "article" or len(draft.body) < 2 \
            or len(draft.starts) != len(draft.body) or len(above.starts) != len(above.body) or not above.body \
            or above.starts[-1] >= draft.starts[0] or head.first <= draft.starts[0]:
        return False
    rest = _text(draft)
    ahead = _text(above)
    k = 0
    while k < len(draft.body) - 1 and draft.body[k][0] == "p" and head.first > draft.starts[k + 1]:
        text = draft.body[k][1]
        below = wordmatch.similarity(head, text) or 0.0
        over = (wordmatch.similarity(above.head, text) or 0.0) if above.head is not None else 0.0
        more_above = over >= STILL_SPOKEN_OF and over >= LEDE_AHEAD * below  # AS44's test, the other way
        shared = wordmatch.shared_share(text, ahead)  # (AS38's share: a paragraph going on an earlier story)
        unspoken = below < STILL_SPOKEN_OF and shared >= CARRIED_FROM and shared > wordmatch.shared_share(text, rest.replace(text, ""))
        if not (more_above or unspoken):
            break
        k += 1
    if k == 0 or not any(wordmatch.similarity(head, text) >= STILL_SPOKEN_OF for tag, text in draft.body[k:] if tag == "p"):
        return False
    above.body.extend(draft.body[:k]), above.starts.extend(draft.starts[:k]), above.spans.extend(draft.spans[:k])
    del draft.body[:k], draft.starts[:k], draft.spans[:k]
    draft.first = draft.starts[0]
    _note(trace, "AS80", "piece-goes-above", draft, above, f"the headline at line {head.first}, printed after them, "
          f"speaks of none of the {k} paragraph{'s' if k > 1 else ''} before line {draft.first} (similarity < "
          f"{STILL_SPOKEN_OF:g}), the story above does: a piece of it the photo parted")
    return True


def _head_between(above: Draft, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether another story's headline is printed between the story above's last paragraph and draft's first:
    the two are parted by that story, not by a change of column width alone.

    >>> above, draft = Draft("article", 1, starts=[1]), Draft("article", 9, starts=[9])
    >>> other = Draft("article", 12, head=Head(title="北京警方捣毁侵害公民信息团伙", first=5, last=6), starts=[12])
    >>> _head_between(above, draft, [above, other, draft]), _head_between(above, draft, [above, draft])
    (True, False)
    """
    return any(d.head is not None and above.starts[-1] < d.head.first < draft.first
               for d in drafts if d is not draft and d is not above)


def _note(trace: list[Step] | None, code: str, name: str, draft: Draft, above: Draft, why: str) -> None:
    """Record, for `cleanup explain`, what became of a story opened tentatively inside the one above, and why."""
    if trace is None:
        return
    verb = {"AS20": "rejoined to", "AS09": "rejoined to", "AS35": "its first paragraph given to",
            "AS38": "joined to", "AS48": "joined to", "AS39": "its headline given to",
            "AS44": "its lede taken from", "AS80": "its first paragraphs given to"}.get(code, "kept apart from")
    shown = draft.body[0][1][:20] if draft.body else ""
    lines = [n for span in draft.spans for run in span for n in run] or [draft.first]
    trace.append(Step(code, name, min(lines), max(lines), shown, f"{verb} the story at line {above.first}: {why}"))


def _why_on(draft: Draft, above: Draft) -> str:
    """The figures behind _goes_on's answer, for `cleanup explain`."""
    tentative = draft.after_photo or draft.width_change
    if above.head is None:
        if tentative or above.broke_from is None:
            return "the story above has no headline" + ("" if tentative else " and opened on its own dateline")
        return f"the story above has no headline and opened on a break of its own (line {above.first})"
    score = wordmatch.similarity(above.head, " ".join(text for _, text in draft.body))
    shares = (f"the headline above shares a word with it (similarity {score:.2f} ≥ {STILL_SPOKEN_OF:g})"
              if score >= STILL_SPOKEN_OF else
              f"the headline above shares no word with it (similarity {score:.2f} < {STILL_SPOKEN_OF:g})")
    if not tentative or score >= STILL_SPOKEN_OF:
        return shares
    many = len(draft.body) > 1
    if draft.width_change and not many:
        return f"{shares} and it is set at a width of its own"
    return f"{shares}{' and' if many else ', but'} it is {len(draft.body)} paragraph{'s' if many else ''}"


GOES_ON = {"spoken_of": 1.0, "above_headless": 1.0, "one_paragraph": 1.0, "head_waits_below": -2.0}
GOES_ON_FROM = 0.5  # the weighed cues must reach this for the story to go on in the one above


def _goes_on(draft: Draft, above: Draft, waiting: Draft | None = None) -> bool:
    """Whether an unclaimed story, opened without a dateline, continues the one above: its cues, weighed (GOES_ON).

    After a photo it does, unless the headline above shares not a word with
    it and it runs over more than one paragraph (one paragraph under no
    headline is no story). Opened by a change of column width, one paragraph
    is enough (set in a column of its own, it is a story's). Opened by a
    source named, it does if the headline above shares a word with it.
    A headline left with no story, printed right under it (waiting), that
    speaks of it at least as much as the headline above, outweighs every
    cue: the extractor put the heads of a block after its bodies, and this
    body is the one that headline waits for.

    >>> above = Draft("article", 1, head=Head(title="河道治理全面铺开"), body=[("p", "河道治理全面铺开。")])
    >>> draft = Draft("article", 5, body=[("p", "社区开展义诊，河道清淤完成。"), ("p", "居民点赞。")], broke_from=above, after_photo=True)
    >>> _goes_on(draft, above), _goes_on(draft, above, Draft("article", 9, head=Head(title="社区义诊服务 居民点赞")))
    (True, False)
    """
    text = _text(draft)
    spoken_of = above.head is not None and wordmatch.similarity(above.head, text) >= STILL_SPOKEN_OF
    tentative = draft.after_photo or draft.width_change
    cues = {"spoken_of": spoken_of, "head_waits_below": waiting is not None,
            # (a headline given by place alone says no more of the text than none)
            "above_headless": (above.head is None or above.by_place) and (tentative or above.broke_from is None),
            "one_paragraph": tentative and len(draft.body) == 1 and not draft.width_change}
    return sum(GOES_ON[cue] for cue, on in cues.items() if on) >= GOES_ON_FROM


def _waiting_head_below(draft: Draft, above: Draft, drafts: list[Draft]) -> Draft | None:
    """A headline no story took (a draft of a head alone), printed after draft with no story's text between,
    that claims it (`_waits_for`): heads the extractor set after their bodies, this body's among them.

    >>> draft = Draft("article", 5, body=[("p", "河道清淤已经完成。")], starts=[5], spans=[((5, 8),)])
    >>> head = Draft("article", 12, head=Head(title="河道清淤全面完成", byline="本报记者 王欣", first=12, last=13))
    >>> other = Draft("article", 10, body=[("p", "居民点赞。")], starts=[10], spans=[((10, 11),)])
    >>> above = Draft("article", 1, body=[("p", "居民点赞。")])
    >>> _waiting_head_below(draft, above, [draft, head]) is head, _waiting_head_below(draft, above, [draft, other, head])
    (True, None)
    """
    last = max((n for span in draft.spans for run in span for n in run), default=draft.first)
    until = min((start for d in drafts if d.kind in ("article", "note") for start in d.starts if start > last),
                default=float("inf"))  # the next story's text
    text = _text(draft)
    heads = [(wordmatch.similarity(d.head, text), -d.head.first, d) for d in drafts
             if d.kind == "article" and d.head is not None and not d.body and not d.byline
             and last < d.head.first < until and _whole_head(d.head)]
    best = max(heads, key=lambda h: h[:2], default=None)  # (the best match, the first of equals)
    return best[2] if best is not None and _waits_for(best[2], draft, above) else None


def _why_waits(draft: Draft, above: Draft, waiting: Draft) -> str:
    """The figures behind a headline waiting below (`_waits_for`), for `cleanup explain`."""
    text = draft.body[0][1] if draft.body else ""
    score = wordmatch.similarity(waiting.head, text)
    versus = ("the story above has no headline" if above.head is None else
              f"the headline above {wordmatch.similarity(above.head, text):.2f}")
    return (f"the headline at line {waiting.head.first}, left with no story, is printed right under it and shares a "
            f"word with its first paragraph (similarity {score:.2f}; {versus}): it heads it: {waiting.head.text[:20]} "
            f"(the other cues: {_why_on(draft, above)})")


def _waits_for(waiting: Draft, draft: Draft, above: Draft) -> bool:
    """Whether the headline left with no story, printed right under draft, claims it: it shares a word with its
    opening paragraph, and at least as much as the headline of the story above does (else that one speaks of it
    more). A headline speaks of the story it opens: one that reads like a later paragraph only heads that one's
    story, which the join ran on after this one.

    >>> above = Draft("article", 1, head=Head(title="河道治理全面铺开"))
    >>> draft = Draft("article", 5, body=[("p", "社区开展义诊服务，河道清淤完成。")])
    >>> _waits_for(Draft("article", 9, head=Head(title="社区义诊服务暖心")), draft, above)
    True
    >>> _waits_for(Draft("article", 9, head=Head(title="居民点赞")), draft, above)
    False
    >>> later = Draft("article", 5, body=[("p", "河道清淤完成。"), ("p", "社区开展义诊服务。")])
    >>> _waits_for(Draft("article", 9, head=Head(title="社区义诊服务暖心")), later, above)
    False
    """
    text = draft.body[0][1] if draft.body else ""
    score = wordmatch.similarity(waiting.head, text)
    return score >= STILL_SPOKEN_OF and (above.head is None or score >= wordmatch.similarity(above.head, text))


def _whole_head(head: Head) -> bool:
    """A head group as a story's is printed: a title with a subtitle, byline or column label, or over two lines or more
    (a line of text read as a headline stands alone).

    >>> _whole_head(Head(title="党委统揽 全域统筹", byline="白山市委书记 谢忠岩", first=34, last=37))
    True
    >>> _whole_head(Head(title="超百家村镇银行“消失” 中小银行风险化解加速", first=35, last=36))
    True
    >>> _whole_head(Head(title="超出新闻出版行政", first=87, last=87))
    False
    """
    return bool(head.subtitle or head.byline or head.column) or head.last > head.first


def _take_head(draft: Draft, waiting: Draft, drafts: list[Draft]) -> None:
    """The headline left with no story heads draft, printed right after it (AS08: on a match weaker than the
    clear ones); its own draft goes."""
    drafts.remove(waiting)
    draft.head, draft.head_run = waiting.head, waiting.head_run
    score = wordmatch.similarity(waiting.head, _text(draft))
    draft.warnings.append(f"AS08 headline attached on weak evidence: similarity {score:.2f}")


CARRIED_ON = 0.03  # AS37: a story goes on in its words: under this share of a paragraph's word pairs found above, it is another's


def _unlike_above(draft: Draft, above: Draft) -> bool:
    """AS37: a story opened at a change of column width whose words are hardly found in the story above: not its sequel.

    A paragraph that goes on with a story speaks of its people, places and things
    (its word pairs are found above); one set in a column of another width that
    shares almost none of them starts another story, whatever one shared word
    with the headline above says. After a photo or a source named, it is not
    read (those part no columns: a caption's story may go on in other words).

    >>> from dataclasses import replace
    >>> above = Draft("article", 1, head=Head(title="全民健身比赛开幕"),
    ...               body=[("p", "为促进全民健身活动蓬勃发展，干部职工篮球比赛开幕。"), ("p", "开幕式现场，干部职工精神抖擞。")])
    >>> away = Draft("article", 9, body=[("p", "6日晚，在自助银行里，来取钱的刘老师站在柜员机前。")], broke_from=above, width_change=True)
    >>> on = replace(away, body=[("p", "比赛现场，干部职工奋勇拼搏，篮球赛精彩纷呈。")])
    >>> _unlike_above(away, above), _unlike_above(on, above), _unlike_above(replace(away, width_change=False, after_photo=True), above)
    (True, False, False)

    Not a numbered point (it goes on its list), nor text the headline above reads like more than its own story.

    >>> _unlike_above(replace(away, body=[("p", "一、在自助银行里，来取钱的刘老师站在柜员机前。")]), above)
    False
    >>> _unlike_above(away, replace(above, head=Head(title="刘老师自助银行取钱")))
    False
    """
    if not draft.width_change or not draft.body or not above.body or not may_open_story(above.body[-1][1], draft.body[0][1]):
        return False  # (a numbered point goes on its list)
    text, own = _text(draft), _text(above)
    if above.head is not None and wordmatch.similarity(above.head, text) > wordmatch.similarity(above.head, own):
        return False  # the headline above speaks of it more than of the story it heads: no sign it is another's
    return wordmatch.shared_share(text, own) < CARRIED_ON


CARRIED_FROM = 0.1  # AS38: this share of its word pairs found in an earlier story,
CARRIED_AHEAD = 2.0  # this many times the share found in any other: it goes on that story


def _carried_on_from(draft: Draft, others: list[Draft]) -> Draft | None:
    """AS38: the story printed earlier that a paragraph set apart (AS37) goes on: its words are found there, clearly most.

    An extractor reading a page by blocks prints a story's next column after
    other stories' text; the column speaks of the story it goes on.

    >>> away = Draft("article", 20, body=[("p", "次日，刘老师把现金交给派出所民警。")], width_change=True)
    >>> atm = Draft("article", 1, body=[("p", "刘老师在自助银行取钱，柜员机吐出现金。")])
    >>> games = Draft("article", 9, body=[("p", "干部职工篮球比赛开幕。")])
    >>> _carried_on_from(away, [atm, games]) is atm, _carried_on_from(away, [games])
    (True, None)
    """
    text = _text(draft)
    shares = sorted(((wordmatch.shared_share(text, _text(d)), k) for k, d in enumerate(others)
                     if d.kind == "article" and d.body and d.first < draft.first), reverse=True)
    if not shares or shares[0][0] < CARRIED_FROM:
        return None
    if len(shares) > 1 and shares[0][0] < CARRIED_AHEAD * shares[1][0]:
        return None
    return others[shares[0][1]]


def _last(draft: Draft) -> str:
    return next((text for tag, text in reversed(draft.body) if tag == "p"), "")


def _sequel_of(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """AS48: the one story printed earlier whose last paragraph stops mid-sentence (the only one on the page),
    which a story set apart (a column of another width, after a photo; no headline of its own, no dateline)
    goes on: that paragraph stops on a clause mark, or a dictionary word or a pair the page prints reads
    across the seam. An extractor printing a story's next column after a head set inside the text (JN06
    parts the head) leaves that column after the head's story.

    >>> open_one = Draft("article", 1, body=[("p", "连日来，社区组织志愿者走访辖区独居老人，了解他们的生活需求，")])
    >>> closed = Draft("article", 8, body=[("p", "活动受到居民好评。")])
    >>> apart = Draft("article", 20, body=[("p", "为他们送去米面油等生活物资。")], width_change=True)
    >>> _sequel_of(apart, [open_one, closed, apart]) is open_one
    True
    >>> _sequel_of(apart, [open_one, Draft("article", 9, body=[("p", "记者从市交通局获悉，今年以来全市新开通公交线路，")]), apart]) is None
    True
    """
    first = next((text for tag, text in draft.body if tag == "p"), "")
    if not first or shapes.starts_with_dateline(first):
        return None
    found = [d for d in drafts if d is not draft and d.kind == "article" and d.body and d.first < draft.first
             and sequels.stops_open(_last(d))]
    if len(found) != 1:
        return None  # (two stories left open: which one it goes on is a guess)
    last = _last(found[0])
    if last[-1] in _CLAUSE_MARKS:
        return found[0]
    pairs = seams.PagePairs.of(text for d in drafts for _, text in d.body)
    return found[0] if sequels.seam(last, first, pairs, seams.lexicon()).any else None


_CLAUSE_MARKS = "，、："  # a paragraph stopping on one has a sentence to finish


def _text(draft: Draft) -> str:
    return " ".join(text for _, text in draft.body)


def _of_heads(block: Block, *heads: Head) -> bool:
    """Whether a block at the edge of the heads' lines is one of theirs: two pieces of one dump line
    parted (CW03, CW05) share its number, and the other piece may head another story."""
    inside = any(h.first < block.first < h.last for h in heads)
    return inside or any(block.text in h.text or block.text in h.byline or block.text in h.column for h in heads)


def _title_over_subtitle(draft: Draft, above: Draft, runs: list[Placed]) -> bool:
    """Whether draft's headline stands right over the one above took, in the same run, with no blank between."""
    if above.head is None or draft.head_run is None or draft.head_run != above.head_run:
        return False
    blocks = runs[above.head_run].run.blocks
    if draft.head.last >= above.head.first or any(draft.head.last < b.first < above.head.first for b in blocks):
        return False
    under = [b for b in blocks if b.first == above.head.first]
    return bool(under) and not under[0].gap_before
