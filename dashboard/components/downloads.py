"""The download of the whole ``metrics`` view, as a plain HTTP route so it streams.

It goes through ``models.export.iter_csv``, the formula-safe writer the CLI uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain

from flask import Flask, Response, stream_with_context

from dashboard.data import DashboardData
from models.warehouse import WarehouseBusy, WarehouseError, WarehouseMissing


def _stream(make: Callable[[], Iterator[str]], filename: str) -> Response:
    """Send CSV pieces as they come; a problem found before the first row is an HTTP error, not a half file."""
    try:
        pieces = make()
        head = [next(pieces)]
        second = next(pieces, None)
        if second is not None:
            head.append(second)
    except WarehouseMissing as exc:
        return Response(str(exc) + "\n", status=404, mimetype="text/plain")
    except WarehouseBusy as exc:
        return Response(str(exc) + "\n", status=503, mimetype="text/plain")
    except WarehouseError as exc:
        return Response(str(exc) + "\n", status=400, mimetype="text/plain")
    body = stream_with_context(chain(head, pieces))
    return Response(
        body,
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


def register(server: Flask, data: DashboardData, prefix: str = "/") -> None:
    def metrics_csv() -> Response:
        return _stream(data.iter_metrics_csv, "metrics.csv")

    server.add_url_rule(f"{prefix}download/metrics.csv", "download_metrics_csv", metrics_csv)
