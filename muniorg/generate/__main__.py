"""``python -m muniorg.generate [--check]``: write the generated artifacts, or check them."""

from __future__ import annotations

import argparse
import sys

from muniorg.generate import REPO_ROOT, stale_artifacts, write_artifacts


def main(argv: list[str] | None = None) -> int:
    """Run the generator; returns the exit status (1 when ``--check`` finds stale files)."""
    parser = argparse.ArgumentParser(prog="python -m muniorg.generate", description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="only report stale files; exit 1 if any"
    )
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_artifacts(REPO_ROOT)
        for path in stale:
            print(f"stale: {path} (run python -m muniorg.generate)", file=sys.stderr)
        return 1 if stale else 0
    for path in write_artifacts(REPO_ROOT):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
