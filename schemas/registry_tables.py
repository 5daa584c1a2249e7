"""The registry as the rows of the ``raw_registry__*`` tables dbt reads (and the release copies)."""

from __future__ import annotations

from schemas.programme import Text
from schemas.registry import Indicator, Registry


def status_rule_text(indicator: Indicator) -> Text | None:
    """The status rule in words, as the site and the downloads show it."""
    if indicator.status_rule is None:
        return None
    margin = f"{indicator.status_rule.at_risk_margin:g}"
    unit = indicator.unit_label
    return Text(
        vi=(
            "Năm mục tiêu: Đã đạt nếu giá trị đạt mục tiêu chính thức, nếu không là Chậm tiến độ. "
            "Các năm trước: so với lộ trình suy ra (đường thẳng từ giá trị năm đầu đến mục tiêu, "
            "không chính thức) - Đúng tiến độ nếu đạt lộ trình, Có nguy cơ chậm nếu thấp hơn "
            f"không quá {margin} {unit.vi}, còn lại là Chậm tiến độ."
        ),
        en=(
            "Target year: achieved if the value reaches the official target, otherwise off track. "
            "Earlier years: compared with a derived trajectory (a straight line from the first "
            "year's value to the target, not official) - on track if at or above it, at risk if "
            f"below it by no more than {margin} {unit.en}, otherwise off track."
        ),
    )


def registry_tables(registry: Registry) -> dict[str, list[dict]]:
    """The registry as rows of the ``raw_registry__*`` tables dbt reads."""
    legal_basis = {t.target_id: p.legal_basis for p in registry.programmes for t in p.targets}
    rules = {i.code: status_rule_text(i) for i in registry.indicators}
    indicators = [
        {
            "indicator_code": i.code,
            "slug": i.slug,
            "name_vi": i.name.vi,
            "name_en": i.name.en,
            "definition_vi": i.definition.vi,
            "definition_en": i.definition.en,
            "numerator_vi": i.numerator.vi,
            "numerator_en": i.numerator.en,
            "denominator_vi": i.denominator.vi if i.denominator else None,
            "denominator_en": i.denominator.en if i.denominator else None,
            "unit": i.unit,
            "unit_label_vi": i.unit_label.vi,
            "unit_label_en": i.unit_label.en,
            "factor": i.factor,
            "decimals": i.decimals,
            "direction": i.direction,
            "periodicity": " ".join(i.periodicity),
            "disaggregations": " ".join(i.disaggregations),
            "source": i.source,
            "plan_activity": i.plan_activity,
            "target_id": i.target_id,
            "min_cell": i.disclosure.min_cell,
            "suppress_with_code": (
                next(o.code for o in registry.indicators if o.slug == i.disclosure.same_cells_as)
                if i.disclosure.same_cells_as
                else None
            ),
            "denominator_is_public": i.disclosure.denominator_is_public,
            "at_risk_margin": i.status_rule.at_risk_margin if i.status_rule else None,
            "caveats_vi": i.caveats.vi if i.caveats else None,
            "caveats_en": i.caveats.en if i.caveats else None,
            "status_rule_vi": getattr(rules[i.code], "vi", None),
            "status_rule_en": getattr(rules[i.code], "en", None),
            "legal_basis_vi": legal_basis[i.target_id].vi if i.target_id else None,
            "legal_basis_en": legal_basis[i.target_id].en if i.target_id else None,
        }
        for i in registry.indicators
    ]
    targets = [
        {
            "programme_id": p.programme_id,
            "programme_start_year": p.start_year,
            "programme_end_year": p.end_year,
            "target_id": t.target_id,
            "indicator_code": t.indicator_code,
            "target_year": t.target_year,
            "target_value": t.target_value,
            "unit": t.unit,
            "kind": t.kind,
            "is_aspirational": t.is_aspirational,
            "text_vi": t.text.vi,
            "text_en": t.text.en,
        }
        for p in registry.programmes
        for t in p.targets
    ]
    milestones = [
        {
            "programme_id": p.programme_id,
            "milestone_id": m.milestone_id,
            "activity": m.activity,
            "name_vi": m.name.vi,
            "name_en": m.name.en,
            "lead_unit": m.lead_unit,
            "due_date": m.due_date,
            "completed_date": m.completed_date,
        }
        for p in registry.programmes
        for m in p.milestones
    ]
    programmes = [
        {
            "programme_id": p.programme_id,
            "name_vi": p.name.vi,
            "name_en": p.name.en,
            "legal_basis_vi": p.legal_basis.vi,
            "legal_basis_en": p.legal_basis.en,
            "status": p.status,
            "status_text_vi": p.status_text.vi if p.status_text else None,
            "status_text_en": p.status_text.en if p.status_text else None,
            "start_year": p.start_year,
            "end_year": p.end_year,
            **{
                f"{field}_{lang}": getattr(getattr(p, field), lang, None)
                for field in ("short_name", "decision", "plan")
                for lang in ("vi", "en")
            },
        }
        for p in sorted(registry.programmes, key=lambda p: p.start_year)
    ]
    activities = [
        {
            "programme_id": p.programme_id,
            "activity": a.activity,
            "sort_order": order,
            "name_vi": a.name.vi,
            "name_en": a.name.en,
        }
        for p in registry.programmes
        for order, a in enumerate(p.activities, start=1)
    ]
    return {
        "raw_registry__indicators": indicators,
        "raw_registry__targets": targets,
        "raw_registry__milestones": milestones,
        "raw_registry__programmes": programmes,
        "raw_registry__activities": activities,
    }
