"""``muniorg publish``: load a build into a SPARQL 1.1 store, one named graph per document.

See :mod:`muniorg.publish.store` for what is sent, which graphs are muniorg's, authentication,
retries and redirects. Progress goes to standard error, one line per graph, then a summary.

Example:
    >>> from click.testing import CliRunner
    >>> result = CliRunner().invoke(publish_command, ["--help"])
    >>> result.exit_code, "--endpoint" in result.output
    (0, True)
"""

from __future__ import annotations

from pathlib import Path

import click

from muniorg.cli.options import epilog
from muniorg.reports.naming import plural

_EXAMPLES = """\
  muniorg publish dist --endpoint http://127.0.0.1:7878/store
  muniorg publish dist --endpoint http://fuseki:3030/muniorg/data --graph-base https://data.example.org/graph/
  MUNIORG_STORE_USER=loader MUNIORG_STORE_PASSWORD=... muniorg publish dist --endpoint URL"""

_EXIT_CODES = (
    "\b\nExit codes:\n"
    "  0  every graph was written (and those of removed documents deleted)\n"
    "  2  DIST is not an unchanged build, the store has graphs of the build that the registry\n"
    "     does not list (see --replace-unlisted), or it cannot be reached or refused a request\n"
    "  3  internal error in muniorg (please report it)"
)


def _endpoint(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--endpoint`` checked as it is parsed, before DIST is read."""
    from muniorg.publish.store import StoreError, check_endpoint

    try:
        check_endpoint(value)
    except StoreError as err:
        raise click.BadParameter(err.message) from err
    return value


@click.command(
    "publish",
    epilog=epilog(_EXAMPLES, _EXIT_CODES),
    short_help="Load a build into a SPARQL store (Graph Store Protocol).",
)
@click.argument("dist", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--endpoint",
    required=True,
    callback=_endpoint,
    help="The store's Graph Store HTTP Protocol endpoint, e.g. http://127.0.0.1:7878/store "
    "(Oxigraph) or http://host:3030/DATASET/data (Fuseki).",
)
@click.option(
    "--graph-base",
    default=None,
    help="Graphs are named {base}{document id}; the graph {base} lists them. "
    "[default: https://w3id.org/muniorg/graph/]",
)
@click.option(
    "--replace-unlisted",
    is_flag=True,
    help="Replace graphs of the build that the store has but the registry does not list "
    "(another tool's, or muniorg's from a lost registry) instead of stopping; the registry "
    "lists them from then on.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=4,
    show_default=True,
    help="Further tries of a request when the store is unreachable or busy (back-off doubles).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds to wait for the store to answer one request.",
)
def publish_command(
    dist: Path,
    endpoint: str,
    graph_base: str | None,
    replace_unlisted: bool,
    retries: int,
    timeout: float,
) -> None:
    """Load the build in DIST into the SPARQL 1.1 store at --endpoint.

    Each document of the build becomes one named graph, replaced whole (PUT), so publishing
    again is idempotent; graphs of documents that are no longer in the build are deleted.
    A graph the registry does not list is never replaced (without --replace-unlisted) nor
    deleted.
    Credentials come from the environment: MUNIORG_STORE_AUTHORIZATION (the Authorization
    header, e.g. "Bearer TOKEN"), or MUNIORG_STORE_USER and MUNIORG_STORE_PASSWORD (basic).
    """
    from muniorg.publish import store as graph_store
    from muniorg.publish.serve import is_loopback

    authorization = graph_store.authorization_from_environment()
    parts = graph_store.check_endpoint(endpoint)
    if authorization and parts.scheme == "http" and not is_loopback(parts.hostname or ""):
        click.echo(
            f"warning: sending credentials to {parts.hostname} without TLS (http://); "
            "use an https:// endpoint beyond this machine",
            err=True,
        )

    def progress(action: str, graph: str) -> None:
        click.echo(f"{action} <{graph}>", err=True)

    with graph_store.GraphStore(
        endpoint,
        authorization=authorization,
        retries=retries,
        timeout=timeout,
    ) as store:
        result = graph_store.publish_to_store(
            dist,
            store,
            graph_base=graph_base or graph_store.DEFAULT_GRAPH_BASE,
            replace_unlisted=replace_unlisted,
            progress=progress,
        )
    retried = f", {plural(result.retries, 'retry', 'retries')}" if result.retries else ""
    click.echo(
        f"Published {plural(len(result.written) - 1, 'graph')} and the registry to {endpoint}; "
        f"deleted {plural(len(result.deleted), 'graph')} "
        f"({plural(result.requests, 'request')}{retried}) in {result.seconds:.1f} s",
        err=True,
    )
