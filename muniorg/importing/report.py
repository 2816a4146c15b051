"""The import report: per source the rows read, then every defect, conflict, match and change.

Text for people (``where: kind: message``, grouped by kind) and JSON for tools; both list the
issues in a fixed order (kind, then place), so the same import gives the same report.

Example:
    >>> from muniorg.importing.records import Issue
    >>> r = ImportReport([("a.csv", "scb-kommuner", {"SWE": 2})], {"SWE": 2},
    ...     [Issue("defect", "a.csv:3", "name cut short")])
    >>> print(r.text(), end="")
    Read a.csv (scb-kommuner): SWE 2
    Municipalities: SWE 2 (2 in all)
    defects (1):
      a.csv:3: name cut short
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from muniorg.importing.records import Issue

#: The kinds of issue, in the order the report shows them.
KINDS = ("defect", "conflict", "match", "change", "kept")
_TITLES = {
    "defect": "defects",
    "conflict": "conflicts between sources",
    "match": "records matched across sources",
    "change": "files changed",
    "kept": "local edits and files kept",
}


def _order(issue: Issue) -> tuple[int, str, int, str]:
    file, _, line = issue.where.rpartition(":")
    if not line.isdigit():
        file, line = issue.where, "0"
    return (KINDS.index(issue.kind), file, int(line), issue.message)


@dataclass
class ImportReport:
    """What an import read, what it made of it, and what it found."""

    #: (file, source id, rows read by country) per input file, in the order given.
    read: list[tuple[str, str, dict[str, int]]]
    #: Municipalities written (or merged) by country.
    municipalities: dict[str, int]
    issues: list[Issue] = field(default_factory=list)

    def sorted_issues(self) -> list[Issue]:
        """The issues in the report's order."""
        return sorted(self.issues, key=_order)

    def counts(self) -> dict[str, int]:
        """How many issues of each kind."""
        found = Counter(i.kind for i in self.issues)
        return {kind: found.get(kind, 0) for kind in KINDS}

    def text(self) -> str:
        """The report for people."""
        lines = []
        for file, source, rows in self.read:
            counts = ", ".join(f"{c} {n}" for c, n in sorted(rows.items())) or "no municipalities"
            lines.append(f"Read {file} ({source}): {counts}")
        total = sum(self.municipalities.values())
        per_country = ", ".join(f"{c} {n}" for c, n in sorted(self.municipalities.items()))
        lines.append(f"Municipalities: {per_country or 'none'} ({total} in all)")
        issues = self.sorted_issues()
        for kind in KINDS:
            mine = [i for i in issues if i.kind == kind]
            if mine:
                lines.append(f"{_TITLES[kind]} ({len(mine)}):")
                lines += [f"  {i.where}: {i.message}" for i in mine]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "read": [
                {"file": file, "source": source, "rows": dict(sorted(rows.items()))}
                for file, source, rows in self.read
            ],
            "municipalities": dict(sorted(self.municipalities.items())),
            "counts": self.counts(),
            "issues": [i.to_dict() for i in self.sorted_issues()],
        }

    def json(self) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
