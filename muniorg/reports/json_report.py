"""The JSON report: :meth:`ValidationReport.to_dict`, indented and with sorted keys.

Keys are sorted and results are in the report's (deterministic) order, so the same report
always gives byte-identical output.

Example:
    >>> from muniorg.validation.results import ValidationReport
    >>> print(render_json(ValidationReport(inputs=("a.yaml",))), end="")
    {
      "conforms": true,
      "counts": {
        "info": 0,
        "violation": 0,
        "warning": 0
      },
      "inputs": [
        "a.yaml"
      ],
      "results": []
    }
"""

from __future__ import annotations

import json

from muniorg.validation.results import ValidationReport


def render_json(report: ValidationReport) -> str:
    """``report`` as indented JSON with sorted keys, ending with a newline.

    Non-ASCII text is written as is (the output is UTF-8), not as ``\\u`` escapes.
    """
    return json.dumps(report.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
