"""Reading the registry's YAML folders (``indicators/``, ``programmes/``) into its models."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from schemas.programme import Programme
from schemas.registry import Indicator, Registry, RegistryError

REGISTRY_DIR = Path(__file__).resolve().parent
"""The folder of the registry shipped in this package."""


def _describe(exc: ValueError) -> str:
    """One line per problem: 'field: message' (pydantic's own text is long and multi-line)."""
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'file'}: {error['msg']}"
            for error in exc.errors()
        )
    return str(exc)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"{path.name}: expected a mapping at the top level")
    return data


def load_registry(registry_dir: Path = REGISTRY_DIR) -> Registry:
    """Read and validate every indicator and programme file; fail with the file's name."""
    indicators = []
    for path in sorted((registry_dir / "indicators").glob("*.yml")):
        try:
            indicator = Indicator.model_validate(_read_yaml(path))
        except ValueError as exc:
            raise RegistryError(f"{path.name}: {_describe(exc)}") from exc
        if indicator.slug != path.stem:
            raise RegistryError(f"{path.name}: slug {indicator.slug!r} must equal the file name")
        indicators.append(indicator)
    programmes = []
    for path in sorted((registry_dir / "programmes").glob("*.yml")):
        try:
            programmes.append(Programme.model_validate(_read_yaml(path)))
        except ValueError as exc:
            raise RegistryError(f"{path.name}: {_describe(exc)}") from exc
    try:
        return Registry(indicators=indicators, programmes=programmes)
    except ValueError as exc:
        raise RegistryError(_describe(exc)) from exc


@cache
def default_registry() -> Registry:
    """The registry shipped in this package, read once."""
    return load_registry()
