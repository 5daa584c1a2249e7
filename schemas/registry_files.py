"""Reading the registry's YAML folders (``indicators/``, ``programmes/``) into its models."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from schemas.programme import Programme, Text
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


WORDS = ("plan", "decision")
"""Fields of a programme that an indicator's texts may cite as ``{plan}`` and ``{decision}``: they
are filled here from the adopted programmes (schemas/programmes), so that a successor programme
changes no indicator text."""

_UNNAMED = {
    "plan": Text(vi="kế hoạch thực hiện", en="the implementation plan"),
    "decision": Text(vi="quyết định phê duyệt Chương trình", en="the programme's decision"),
}
"""What ``{plan}`` / ``{decision}`` say when no programme names one (a draft alone)."""


def _words(programmes: list[Programme]) -> dict[str, Text]:
    """``{plan}`` and ``{decision}``: those of the adopted programmes, oldest first ('Plan
    838/QĐ-LĐTBXH'; two adopted programmes are joined with 'and')."""
    adopted = sorted((p for p in programmes if p.status == "adopted"), key=lambda p: p.start_year)
    words = {}
    for word in WORDS:
        named = [text for p in adopted if (text := getattr(p, word)) is not None]
        words[word] = (
            Text(
                vi=" và ".join(dict.fromkeys(t.vi for t in named)),
                en=" and ".join(dict.fromkeys(t.en for t in named)),
            )
            if named
            else _UNNAMED[word]
        )
    return words


def _fill(value: object, words: dict[str, Text]) -> object:
    """``value`` (a YAML document) with ``{plan}`` / ``{decision}`` filled in each text, in its
    language."""
    if isinstance(value, list):
        return [_fill(v, words) for v in value]
    if not isinstance(value, dict):
        return value
    if set(value) == {"vi", "en"}:
        out = dict(value)
        for lang in ("vi", "en"):
            for word, text in words.items():
                if isinstance(out[lang], str):
                    out[lang] = out[lang].replace(f"{{{word}}}", getattr(text, lang))
        return out
    return {k: _fill(v, words) for k, v in value.items()}


def load_registry(registry_dir: Path = REGISTRY_DIR) -> Registry:
    """Read and validate every programme and indicator file; fail with the file's name. The
    indicators' texts get the adopted programmes' plan and decision where they say ``{plan}`` or
    ``{decision}``."""
    programmes = []
    for path in sorted((registry_dir / "programmes").glob("*.yml")):
        try:
            programmes.append(Programme.model_validate(_read_yaml(path)))
        except ValueError as exc:
            raise RegistryError(f"{path.name}: {_describe(exc)}") from exc
    words = _words(programmes)
    indicators = []
    for path in sorted((registry_dir / "indicators").glob("*.yml")):
        try:
            indicator = Indicator.model_validate(_fill(_read_yaml(path), words))
        except ValueError as exc:
            raise RegistryError(f"{path.name}: {_describe(exc)}") from exc
        if indicator.slug != path.stem:
            raise RegistryError(f"{path.name}: slug {indicator.slug!r} must equal the file name")
        indicators.append(indicator)
    try:
        return Registry(indicators=indicators, programmes=programmes)
    except ValueError as exc:
        raise RegistryError(_describe(exc)) from exc


@cache
def default_registry() -> Registry:
    """The registry shipped in this package, read once."""
    return load_registry()
