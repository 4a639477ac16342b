"""Scores as a readable table, as a change against a baseline, and against floors."""
from __future__ import annotations

from typing import Any

from .metrics import LABELS


def table(report: dict) -> str:
    lines = [f"articles {report['articles']}, without prediction {len(report['missing_predictions'])}",
             f"{'mentions':<14}{'strict F1':>10}{'lenient F1':>11}{'value acc':>10}"]
    for label in LABELS + ["ALL"]:
        strict = report["mentions_strict"].get(label, {}).get("f1", 0)
        lenient = report["mentions_lenient"].get(label, {}).get("f1", 0)
        value = report["value_accuracy"].get(label)
        lines.append(f"{label:<14}{strict:>10.3f}{lenient:>11.3f}{(value if value is not None else float('nan')):>10.3f}")
    o = report["orders"]
    lines.append(f"orders   P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}  "
                 f"slot acc {report['order_slot_accuracy'].get('ALL')}")
    lines.append("  slots: " + ", ".join(f"{k} {v}" for k, v in report["order_slot_accuracy"].items() if k != "ALL"))
    if report["order_spurious_slots"]:
        lines.append("  filled where gold has none: "
                     + ", ".join(f"{k} {v}" for k, v in report["order_spurious_slots"].items()))
    f = report["figures"]
    lines.append(f"figures  P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f}  "
                 f"value acc {report['figure_value_accuracy']}")
    return "\n".join(lines)


def errors(report: dict) -> str:
    lines = []
    for e in report["errors"]:
        line = f"  {e['article']}: {e['kind']} {e['label']} {e['text']!r}"
        if e.get("detail"):
            line += f" {e['detail']}"
        if e.get("rule"):
            line += f" [rule {e['rule']}]"
        if e.get("sentence"):
            line += f"\n      in: {e['sentence'][:160]}"
        lines.append(line)
    return "\n".join(lines)


def flatten(report: dict, prefix: str = "") -> dict[str, float]:
    """Numeric leaves by dotted key: ``orders.f1``, ``mentions_lenient.ALL.f1`` ..."""
    flat: dict[str, float] = {}
    for key, value in report.items():
        if key in {"errors", "missing_predictions"}:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            flat[name] = value
    return flat


def compare(report: dict, baseline: dict) -> str:
    """Every field that changed since ``baseline``, with its old and new value."""
    new, old = flatten(report), flatten(baseline)
    lines = []
    for key in sorted(set(new) | set(old)):
        a, b = old.get(key), new.get(key)
        if a != b:
            delta = f"{b - a:+.4f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) else ""
            lines.append(f"  {key:<45} {a!s:>10} -> {b!s:<10} {delta}")
    return "\n".join(lines) if lines else "  no change"


def below_floors(report: dict, floors: dict[str, float]) -> list[str]:
    """The floors ``KEY=VALUE`` that the report does not reach (a missing key fails)."""
    flat = flatten(report)
    failed = []
    for key, floor in floors.items():
        value: Any = flat.get(key)
        if value is None or value < floor:
            failed.append(f"{key} = {value} is below the floor {floor}")
    return failed
