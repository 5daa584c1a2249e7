"""Pandera models of the raw tables written by ``ingestion`` (see docs/contracts.md).

Lineage columns (``_source_file``, ``_source_row``, ``_loaded_at``) are added by the loader after
validation and are not part of the models.
"""

from __future__ import annotations

import pandera.pandas as pa

from schemas.raw.hotline import HotlineCase, HotlineContact
from schemas.raw.plan import PlanCompletion
from schemas.raw.portal import PortalTraffic
from schemas.raw.schools import SchoolRegister
from schemas.raw.social import PortalOpinion, PortalPlatform
from schemas.raw.training import TrainingEvent
from schemas.raw.violations import ViolationSubject

MODELS: dict[str, type[pa.DataFrameModel]] = {
    "raw_hotline__contacts": HotlineContact,
    "raw_hotline__cases": HotlineCase,
    "raw_training__events": TrainingEvent,
    "raw_portal__traffic": PortalTraffic,
    "raw_portal__platforms": PortalPlatform,
    "raw_portal__opinions": PortalOpinion,
    "raw_schools__register": SchoolRegister,
    "raw_violations__subjects": ViolationSubject,
    "raw_plan__completions": PlanCompletion,
}
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
