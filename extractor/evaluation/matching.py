"""One article's gold against its prediction. The counting follows
``shared/tools/score.py`` so both print the same figures; on top, every miss, false
hit and wrong value becomes an :class:`ErrorRecord` with its sentence and rule."""
from __future__ import annotations

from collections import Counter

from .metrics import LABELS, ORDER_SLOTS, ErrorRecord, Scores, canon, slot_ok, value_ok


def locate(text: str, mentions: list[dict]) -> list[tuple[int | None, int | None]]:
    """Each gold mention's (start, end): its ``occurrence``-th find, else the next in order."""
    seen: Counter = Counter()
    spans = []
    for mention in mentions:
        target = mention["text"]
        k = mention.get("occurrence")
        if k is None:
            seen[target] += 1
            k = seen[target]
        pos = -1
        for _ in range(k):
            pos = text.find(target, pos + 1)
            if pos < 0:
                break
        spans.append((pos, pos + len(target)) if pos >= 0 else (None, None))
    return spans


def _sentence(text: str, start: int | None) -> str | None:
    if start is None or not text:
        return None
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1:right + 1].strip()


def score_mentions(scores: Scores, aid: str, text: str, gold: list[dict], pred: list[dict]) -> None:
    spans = locate(text, gold)
    for label in LABELS:
        g = [(m, s) for m, s in zip(gold, spans) if m["label"] == label]
        p = [m for m in pred if m.get("label") == label]
        strict_tp = _strict_hits(g, p)
        lenient_used: set[int] = set()
        for gm, (gs, ge) in g:
            hit = next((i for i, pm in enumerate(p) if i not in lenient_used and (
                (gs is not None and pm.get("start") is not None and pm["start"] < ge and gs < pm["end"])
                or pm.get("text", "").strip() == gm["text"].strip())), None)
            if hit is None:
                scores.errors.append(ErrorRecord(aid, "missed", label, gm["text"], sentence=_sentence(text, gs)))
                continue
            lenient_used.add(hit)
            ok = value_ok(label, gm.get("value"), p[hit].get("value"))
            scores.values[label].add(ok)
            scores.values["ALL"].add(ok)
            if not ok:
                scores.errors.append(ErrorRecord(
                    aid, "wrong_value", label, gm["text"], f"{p[hit].get('value')} != gold {gm.get('value')}",
                    _sentence(text, gs), p[hit].get("rule")))
        for i, pm in enumerate(p):
            if i not in lenient_used:
                scores.errors.append(ErrorRecord(aid, "spurious", label, pm.get("text", ""),
                                                 sentence=_sentence(text, pm.get("start")), rule=pm.get("rule")))
        for key in (label, "ALL"):
            scores.strict[key].add(strict_tp, len(p) - strict_tp, len(g) - strict_tp)
            scores.lenient[key].add(len(lenient_used), len(p) - len(lenient_used), len(g) - len(lenient_used))


def _strict_hits(gold: list, pred: list[dict]) -> int:
    used: set[int] = set()
    for gm, (gs, _) in gold:
        want = gm["text"].strip()
        hit = next((i for i, pm in enumerate(pred) if i not in used and pm.get("text", "").strip() == want
                    and (gs is None or pm.get("start") is None or pm.get("start") == gs)), None)
        if hit is None:
            hit = next((i for i, pm in enumerate(pred) if i not in used and pm.get("text", "").strip() == want), None)
        if hit is not None:
            used.add(hit)
    return len(used)


def order_key(order: dict) -> tuple:
    return canon(order.get("customer")), canon(order.get("supplier")), order.get("service")


def score_orders(scores: Scores, aid: str, gold: list[dict], pred: list[dict]) -> None:
    gorders = {order_key(o): o for o in gold}
    porders = {order_key(o): o for o in pred}
    hits = set(gorders) & set(porders)
    scores.orders.add(len(hits), len(set(porders) - hits), len(set(gorders) - hits))
    for key in sorted(set(gorders) - hits, key=str):
        scores.errors.append(ErrorRecord(aid, "missed_order", "ORDER", str(key)))
    for key in sorted(set(porders) - hits, key=str):
        evidence = porders[key].get("evidence") or [{}]
        scores.errors.append(ErrorRecord(aid, "spurious_order", "ORDER", str(key), sentence=evidence[0].get("text")))
    for key in sorted(hits, key=str):
        for slot in ORDER_SLOTS:
            g, p = gorders[key].get(slot) or None, porders[key].get(slot) or None
            if g is None:
                if p is not None:
                    scores.spurious_slots[slot] += 1
                continue
            ok = slot_ok(slot, g, p)
            scores.slots[slot].add(ok)
            scores.slots["ALL"].add(ok)
            if not ok:
                scores.errors.append(ErrorRecord(aid, "wrong_slot", "ORDER", str(key), f"{slot}: {p} != gold {g}"))


def _figure_value_ok(g, p) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return value_ok("MONEY" if "currency" in g else "QUANTITY", g, p)


def score_figures(scores: Scores, aid: str, gold: list[dict], pred: list[dict]) -> None:
    """One-to-one on (company, kind), pairing equal values first."""
    def key(f):
        return canon(f.get("company")), f.get("kind")

    left, pairs, unmatched = list(pred), [], []
    for want_value in (True, False):
        rest = []
        for g in (gold if want_value else unmatched):
            hit = next((p for p in left if key(p) == key(g) and
                        (not want_value or _figure_value_ok(g.get("value"), p.get("value")))), None)
            if hit is None:
                rest.append(g)
                continue
            left.remove(hit)
            pairs.append((g, hit))
        unmatched = rest
    scores.figures.add(len(pairs), len(left), len(unmatched))
    for g in unmatched:
        scores.errors.append(ErrorRecord(aid, "missed_figure", "FIGURE", str(key(g)), str(g.get("value"))))
    for p in left:
        scores.errors.append(ErrorRecord(aid, "spurious_figure", "FIGURE", str(key(p)), str(p.get("value"))))
    for g, p in pairs:
        ok = _figure_value_ok(g.get("value"), p.get("value"))
        scores.figure_values.add(ok)
        if not ok:
            scores.errors.append(ErrorRecord(aid, "wrong_figure_value", "FIGURE", str(key(g)),
                                             f"{p.get('value')} != gold {g.get('value')}"))


def score_article(scores: Scores, gold: dict, pred: dict | None, text: str) -> None:
    aid = gold["article"]["id"]
    scores.articles += 1
    if pred is None:
        scores.missing.append(aid)
        pred = {"mentions": [], "orders": [], "figures": []}
    score_mentions(scores, aid, text, gold.get("mentions", []), pred.get("mentions", []))
    score_orders(scores, aid, gold.get("orders", []), pred.get("orders", []))
    score_figures(scores, aid, gold.get("figures", []), pred.get("figures", []))
