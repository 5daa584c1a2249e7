"""Pandera models of the raw tables written by ``ingestion`` (the single description of each raw
column: schemas/raw_contract.py renders the DuckDB types, the dbt sources and docs/contracts.md
from them).

A model names its table in ``Config.metadata`` (``table``, and optionally ``unique_key``, the
columns unique within a file, and ``period_column``, the date that must fall in the file's
period); every model of a module in this package is found, so adding a raw table is adding its
model here. Lineage columns (``_source_file``, ``_source_row``, ``_loaded_at``) are added by the
loader after validation and are not part of the models.
"""

from __future__ import annotations

import importlib
import pkgutil

import pandera.pandas as pa

from schemas.raw.hotline import HotlineCase, HotlineContact
from schemas.raw.plan import PlanCompletion
from schemas.raw.portal import PortalTraffic
from schemas.raw.schools import SchoolRegister
from schemas.raw.social import PortalOpinion, PortalPlatform
from schemas.raw.training import TrainingEvent
from schemas.raw.violations import ViolationSubject


def _discover() -> dict[str, type[pa.DataFrameModel]]:
    """Every model of this package that names its raw table, by table (in module order)."""
    models: dict[str, type[pa.DataFrameModel]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, pa.DataFrameModel)
                and value.__module__ == module.__name__
            ):
                table = (value.Config.metadata or {}).get("table")
                if table is None:
                    raise ValueError(f"{value.__name__}: Config.metadata must name its 'table'")
                if table in models:
                    raise ValueError(f"two models describe {table}")
                models[table] = value
    return models


MODELS: dict[str, type[pa.DataFrameModel]] = _discover()
"""Raw table name → the pandera model its rows must satisfy."""

__all__ = [
    "MODELS",
    "PlanCompletion",
    "HotlineCase",
    "HotlineContact",
    "PortalOpinion",
    "PortalPlatform",
    "PortalTraffic",
    "SchoolRegister",
    "TrainingEvent",
    "ViolationSubject",
]
