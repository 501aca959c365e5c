"""CSV downloads as plain HTTP routes, so they stream: the whole ``metrics`` view and the evidence table.

Both go through ``models.export.iter_csv``, the formula-safe writer the CLI uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from itertools import chain
from typing import Any

from flask import Flask, Response, request, stream_with_context

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


def _state() -> dict[str, Any]:
    try:
        state = json.loads(request.args.get("state") or "{}")
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def register(server: Flask, data: DashboardData, prefix: str = "/") -> None:
    def metrics_csv() -> Response:
        return _stream(data.iter_metrics_csv, "metrics.csv")

    def evidence_csv() -> Response:
        state = _state()
        companies = [str(c) for c in state.get("companies") or [] if isinstance(c, str)]
        filter_model = state.get("filter") if isinstance(state.get("filter"), dict) else {}
        sort_model = state.get("sort") if isinstance(state.get("sort"), list) else []
        return _stream(lambda: data.iter_evidence_csv(companies, filter_model, sort_model), "evidence.csv")

    server.add_url_rule(f"{prefix}download/metrics.csv", "download_metrics_csv", metrics_csv)
    server.add_url_rule(f"{prefix}download/evidence.csv", "download_evidence_csv", evidence_csv)
