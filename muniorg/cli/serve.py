"""``muniorg serve``: preview a build locally, with content negotiation on the data's IRIs.

See :mod:`muniorg.publish.serve`. It listens on 127.0.0.1 unless ``--host`` says otherwise, and
runs until interrupted (Ctrl-C).

Example:
    >>> from click.testing import CliRunner
    >>> result = CliRunner().invoke(serve_command, ["--help"])
    >>> result.exit_code, "--port" in result.output
    (0, True)
"""

from __future__ import annotations

from pathlib import Path

import click

from muniorg.cli.options import WRITE_EXIT_CODES_HELP, epilog

_EXAMPLES = """\
  muniorg build examples -o dist && muniorg serve dist
  curl -H 'Accept: text/turtle' -L http://127.0.0.1:8000/muniorg/id/dk/340"""


@click.command(
    "serve",
    epilog=epilog(_EXAMPLES, WRITE_EXIT_CODES_HELP.replace("the files were written", "stopped")),
    short_help="Preview a build: its site and its IRIs, on this machine.",
)
@click.argument("dist", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_command(dist: Path, host: str, port: int) -> None:
    """Serve the build in DIST: its files, and for every IRI the data mints a redirect (303) to
    the page, JSON-LD, Turtle or N-Triples that describes it, as the Accept header asks."""
    from muniorg.publish import serve

    server = serve.make_server(
        dist, host, port, report=lambda text: click.echo(f"warning: {text}", err=True)
    )
    if not serve.is_loopback(host):
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    bound_host, bound_port = str(server.server_address[0]), server.server_address[1]
    click.echo(f"Serving {dist} on http://{bound_host}:{bound_port}/ (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
