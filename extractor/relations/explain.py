"""Why the order rules drafted what they did: clause by clause, the parties found, their
(supplier, customer) scores and the drafts made. For rule writers (`extractor explain`)."""
from __future__ import annotations

from .lists import bullet_head, list_counterparts
from .orders import OrderRules
from .views import ArticleView


def explain(view: ArticleView, rules: OrderRules, every_clause: bool = False) -> list[str]:
    """Lines describing each clause that has parties (or every clause), as ``drafts`` sees it."""
    told = []  # (the clause's lines, its drafts): the drafts are printed once all are complete
    for clause, drafts in rules.drafts_by_clause(view):
        text = clause.text(view)
        head = bullet_head(view, clause, rules.cues)
        listed = list_counterparts(view, clause.sentence, rules.cues, rules.window) if head else []
        hints = rules.parties.hints(view, text)
        found = rules.parties.parties(view, clause, hints, head, listed)
        if not (found.items or drafts or every_clause):
            continue
        scored = rules.parties.scores(view, clause, found, hints) if found.items else {}
        told.append(([f"clause: {' '.join(text.split())[:160]}",
                      f"  services hinted: {sorted(hints)}; parties (supplier, customer): "
                      + ", ".join(f"{p.name} {scored[p]} [{p.rule}]" for p in found.items)], drafts))
    rules.complete(view, [d for _, drafts in told for d in drafts])
    lines = []
    for clause_lines, drafts in told:
        lines += clause_lines
        lines += [f"  draft: {d.customer} <- {d.supplier} {d.service} {d.stage} {d.confirmation}"
                  f" value={d.value.text if d.value else None} chip={d.chip} products={d.products}"
                  f" timing={d.timing.text if d.timing else None}" for d in drafts]
    return lines
