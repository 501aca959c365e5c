"""What makes two reported figures the same figure, and what time an undated one describes: shared by the
dashboard's side-by-side figures (``dashboard.summary``) and the rows the warehouse keeps for them
(``models.warehouse.kept_figures``)."""

from __future__ import annotations

from datetime import timedelta

__all__ = ["AGREE_TOLERANCE", "UNDATED_WINDOW"]

#: Two figures within this relative distance are the same figure.
AGREE_TOLERANCE = 0.02
#: An undated figure is taken to describe the weeks before its article was published.
UNDATED_WINDOW = timedelta(days=30)
