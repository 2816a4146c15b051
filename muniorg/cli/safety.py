"""Command-line options for reading untrusted input: limits, remote contexts, personal data.

``@input_safety_options`` adds ``--max-file-size``, ``--max-depth``, ``--max-yaml-nodes``,
``--max-triples`` and ``--allow-remote-context URL`` (repeatable) to a command without adding
parameters to it: the values are collected in the click context, and :func:`input_safety` applies them (as
:func:`muniorg.formats.limits.use_limits` and :func:`muniorg.formats.jsonld.allow_remote_contexts`) around the
library call. Options not given fall back to the ``MUNIORG_MAX_*`` environment variables.

Example:
    >>> import click
    >>> from click.testing import CliRunner
    >>> from muniorg.formats.limits import current_limits
    >>> @click.command()
    ... @input_safety_options
    ... @click.pass_context
    ... def show(ctx):
    ...     with input_safety(ctx):
    ...         click.echo(current_limits().max_depth)
    >>> CliRunner().invoke(show, ["--max-depth", "7"]).output
    '7\\n'
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from muniorg.core.errors import InputError
from muniorg.formats.jsonld import allow_remote_contexts, check_remote_urls
from muniorg.formats.limits import Limits, use_limits

F = TypeVar("F", bound=Callable[..., Any])

_LIMITS_KEY = "muniorg.formats.limits"
_REMOTE_KEY = "muniorg.allow_remote"

#: Option name -> the Limits field it sets.
_LIMIT_OPTIONS = {
    "--max-file-size": ("max_file_bytes", "Refuse input files larger than BYTES"),
    "--max-depth": ("max_depth", "Refuse YAML and JSON nested deeper than N levels"),
    "--max-yaml-nodes": (
        "max_yaml_nodes",
        "Refuse YAML documents with more than N values (aliases expanded)",
    ),
    "--max-triples": ("max_triples", "Refuse RDF files with more than N triples"),
}


def _remember_limit(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
        if value is not None:
            ctx.meta.setdefault(_LIMITS_KEY, {})[name] = value

    return callback


def _remember_remote(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> None:
    try:
        ctx.meta[_REMOTE_KEY] = check_remote_urls(value)
    except InputError as err:
        raise click.BadParameter(err.message) from None


def input_safety_options(func: F) -> F:
    """Add the limit options and ``--allow-remote-context`` (see the module docs)."""
    for option, (name, text) in reversed(_LIMIT_OPTIONS.items()):
        env = f"MUNIORG_{name.upper()}"
        func = click.option(
            option,
            type=click.IntRange(min=1),
            expose_value=False,
            callback=_remember_limit(name),
            metavar="BYTES" if name == "max_file_bytes" else "N",
            help=f"{text} (default: ${env} or {getattr(Limits(), name):,}).",
        )(func)
    return click.option(
        "--allow-remote-context",
        "allow_remote_context",
        multiple=True,
        metavar="URL",
        expose_value=False,
        callback=_remember_remote,
        help="Allow JSON-LD inputs to fetch this remote @context (repeatable); "
        "nothing else is ever fetched.",
    )(func)


@contextlib.contextmanager
def input_safety(ctx: click.Context) -> Iterator[None]:
    """Apply the limits and allow-list given on the command line inside the ``with`` block."""
    overrides = ctx.meta.get(_LIMITS_KEY, {})
    limits = dataclasses.replace(Limits.from_env(), **overrides)
    with use_limits(limits), allow_remote_contexts(ctx.meta.get(_REMOTE_KEY, frozenset())):
        yield


def personal_data_option(func: F) -> F:
    """``--include-personal-data``: publish persons' contact details and non-public persons."""
    return click.option(
        "--include-personal-data",
        is_flag=True,
        help="Also write persons' e-mail and telephone, and persons marked 'public: false' "
        "(left out by default).",
    )(func)
