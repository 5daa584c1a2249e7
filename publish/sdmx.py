"""The release as SDMX: `sdmx-data.csv` (SDMX-CSV 2.0) and `sdmx-structure.xml` (SDMX-ML 3.0:
the codelists, concept scheme, data structure and dataflow), written with pysdmx (the Bank for
International Settlements' SDMX library), so statistical-office and UNICEF-style tools read the
release without custom code. Same cells as `indicator_values.csv`; a suppressed cell has no
OBS_VALUE, no NUMERATOR/DENOMINATOR and CONF_STATUS `C`.

Dimensions INDICATOR, REF_AREA, one per breakdown of the reference data (SEX, AGE, PLATFORM:
``schemas/reference/calendar.yml``, its categories the codelists CL_SEX, CL_AGE, CL_PLATFORM
with `_T` the total and `_U` unknown), TIME_PERIOD. REF_AREA prefixes the geography's scheme,
because province codes repeat across schemes: `VN` (national), `R_<region>`, `P04_<code>` (the 63
provinces before 1 July 2025), `P25_<code>` (the 34 after). TIME_PERIOD is SDMX's: `2024`,
`2024-Q3`, `2024-07`, and a school year (1 September to 31 May) as the range `2023-09-01/P9M`.
The agency id `VN_COP` is this release's own; no SDMX registry assigns it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pysdmx.io import write_sdmx
from pysdmx.io.format import Format
from pysdmx.io.pd import PandasDataset
from pysdmx.model import (
    Annotation,
    Code,
    Codelist,
    Component,
    Components,
    Concept,
    ConceptScheme,
    Dataflow,
    DataStructureDefinition,
    DataType,
    Role,
)

from schemas.reference import DISAGGREGATIONS, TOTAL, UNKNOWN

AGENCY = "VN_COP"
VERSION = "1.0"
DATA_FILE = "sdmx-data.csv"
STRUCTURE_FILE = "sdmx-structure.xml"

AREA_PREFIX = {"national": "", "region": "R_", "province_2004": "P04_", "province_2025": "P25_"}
DIMENSION_ID = {"age_band": "AGE"}
"""A breakdown's SDMX dimension id where it is not the column's name in capitals."""
SEX_CODE = {"male": "M", "female": "F"}
"""The sex categories as SDMX's CL_SEX codes them."""
OBS_STATUS = {  # SDMX CL_OBS_STATUS
    "normal": "A",
    "provisional": "P",
    "not_applicable": "M",
    "no_data": "L",
    "suppressed": "A",
}
OBS_STATUS_NAMES = {"A": "Normal value", "P": "Provisional value",
                    "M": "Missing value; data cannot exist",
                    "L": "Missing value; data exist but were not collected"}  # fmt: skip
CONF_STATUS_NAMES = {"F": "Free (for publication)", "C": "Confidential (suppressed)"}
UNIT_NAMES = {"count": "Count", "hours": "Hours", "percent": "Percent",
              "per_1000_children": "Per 1,000 children",
              "per_100000_children": "Per 100,000 children"}  # fmt: skip


# (concept id, role, codelist id or None, data type, required)
def dimension_id(dimension: str) -> str:
    """The SDMX dimension of a breakdown column (sex -> SEX, age_band -> AGE)."""
    return DIMENSION_ID.get(dimension, dimension.upper())


def category_code(dimension: str, category: str) -> str:
    """A breakdown category as an SDMX code: `_T` and `_U` as they are, sex as CL_SEX (M, F), an
    age band as a range (`0-5` -> Y0T5, `15` -> Y15), any other category in capitals."""
    if category in (TOTAL, UNKNOWN):
        return category
    if dimension == "sex":
        return SEX_CODE[category]
    if dimension == "age_band":
        low, _, high = category.partition("-")
        return f"Y{low}T{high}" if high else f"Y{low}"
    return category.upper()


COMPONENTS = [
    ("INDICATOR", Role.DIMENSION, "CL_INDICATOR", DataType.STRING, True),
    ("REF_AREA", Role.DIMENSION, "CL_AREA", DataType.STRING, True),
    *(
        (dimension_id(d), Role.DIMENSION, f"CL_{dimension_id(d)}", DataType.STRING, True)
        for d in DISAGGREGATIONS
    ),
    ("TIME_PERIOD", Role.DIMENSION, None, DataType.PERIOD, True),
    ("OBS_VALUE", Role.MEASURE, None, DataType.DOUBLE, False),
    ("UNIT_MEASURE", Role.ATTRIBUTE, "CL_UNIT", DataType.STRING, True),
    ("OBS_STATUS", Role.ATTRIBUTE, "CL_OBS_STATUS", DataType.STRING, True),
    ("CONF_STATUS", Role.ATTRIBUTE, "CL_CONF_STATUS", DataType.STRING, True),
    ("NUMERATOR", Role.ATTRIBUTE, None, DataType.DOUBLE, False),
    ("DENOMINATOR", Role.ATTRIBUTE, None, DataType.DOUBLE, False),
]


def _urn(kind: str, id_: str) -> str:
    return f"urn:sdmx:org.sdmx.infomodel.{kind}={AGENCY}:{id_}({VERSION})"


def _codelist(id_: str, name: str, codes: dict[str, str], names_vi: dict[str, str] | None = None):
    items = [
        Code(
            id=code,
            name=label,
            annotations=[Annotation(type="name_vi", text=names_vi[code])] if names_vi else (),
        )
        for code, label in codes.items()
    ]
    return Codelist(
        id=id_, name=name, agency=AGENCY, version=VERSION,
        urn=_urn("codelist.Codelist", id_), items=items,
    )  # fmt: skip


def sdmx_period(period: str, period_type: str) -> str:
    """The release's period as an SDMX ObservationalTimePeriod."""
    if period_type == "school_year":
        return f"{period[:4]}-09-01/P9M"
    return period


def area_codes(values: pd.DataFrame) -> pd.Series:
    """REF_AREA of every row: the scheme's prefix and the geography's code."""
    return values["geo_scheme"].map(AREA_PREFIX) + values["geo_code"].astype(str)


def _category_names(dimension: str) -> dict[str, str]:
    """{code: name} of a breakdown, in its published order: the total, the categories of the
    reference data, the unknown one."""
    names = {TOTAL: "Total"} | {c: c for c in DISAGGREGATIONS[dimension]} | {UNKNOWN: "Unknown"}
    return {category_code(dimension, c): name for c, name in names.items()}


def _codelists(values: pd.DataFrame, indicators: pd.DataFrame) -> dict[str, Codelist]:
    area_names = dict(zip(area_codes(values), values["geo_name"], strict=True))
    names = indicators.set_index("indicator_code")
    return {
        "CL_INDICATOR": _codelist(
            "CL_INDICATOR", "Indicator",
            names["name_en"].to_dict(), names["name_vi"].to_dict(),
        ),
        "CL_AREA": _codelist("CL_AREA", "Area", dict(sorted(area_names.items()))),
        **{
            f"CL_{dimension_id(d)}": _codelist(
                f"CL_{dimension_id(d)}", d.replace("_", " ").capitalize(), _category_names(d)
            )
            for d in DISAGGREGATIONS
        },
        "CL_UNIT": _codelist("CL_UNIT", "Unit of measure", UNIT_NAMES),
        "CL_OBS_STATUS": _codelist("CL_OBS_STATUS", "Observation status", OBS_STATUS_NAMES),
        "CL_CONF_STATUS": _codelist("CL_CONF_STATUS", "Confidentiality status", CONF_STATUS_NAMES),
    }  # fmt: skip


def structure(values: pd.DataFrame, indicators: pd.DataFrame):
    """(codelists, concept scheme, data structure, dataflow) of the release."""
    codelists = _codelists(values, indicators)
    concept_urn = f"urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept={AGENCY}:CS_COP({VERSION})"
    concepts = {id_: Concept(id=id_, name=id_, urn=f"{concept_urn}.{id_}")
                for id_, *_ in COMPONENTS}  # fmt: skip
    scheme = ConceptScheme(
        id="CS_COP", name="Concepts", agency=AGENCY, version=VERSION, items=list(concepts.values())
    )
    components = Components(
        [
            Component(
                id=id_,
                required=required,
                role=role,
                concept=concepts[id_],
                local_dtype=dtype,
                local_codes=codelists[codelist] if codelist else None,
                attachment_level="O" if role == Role.ATTRIBUTE else None,
            )  # fmt: skip
            for id_, role, codelist, dtype, required in COMPONENTS
        ]
    )
    dsd = DataStructureDefinition(
        id="DSD_COP", name="Protecting children online: programme indicators", agency=AGENCY,
        version=VERSION, components=components,
    )  # fmt: skip
    flow = Dataflow(
        id="DF_COP", name="Protecting children online: programme indicators (Decision 830)",
        agency=AGENCY, version=VERSION, structure=dsd.short_urn,
    )  # fmt: skip
    return list(codelists.values()), scheme, dsd, flow


def sdmx_rows(values: pd.DataFrame) -> pd.DataFrame:
    """indicator_values as SDMX observations (same rows, same order)."""
    suppressed = values["obs_status"].eq("suppressed")

    def number(column: str) -> pd.Series:
        return pd.to_numeric(values[column], errors="coerce").where(~suppressed)

    return pd.DataFrame(
        {
            "INDICATOR": values["indicator_code"],
            "REF_AREA": area_codes(values),
            **{
                dimension_id(d): [category_code(d, c) for c in values[d].astype(str)]
                for d in DISAGGREGATIONS
            },
            "TIME_PERIOD": [
                sdmx_period(p, t) for p, t in zip(values.period, values.period_type, strict=True)
            ],
            "OBS_VALUE": number("value"),
            "UNIT_MEASURE": values["unit"],
            "OBS_STATUS": values["obs_status"].map(OBS_STATUS),
            "CONF_STATUS": suppressed.map({True: "C", False: "F"}),
            "NUMERATOR": number("numerator"),
            "DENOMINATOR": number("denominator"),
        }
    )


def write_sdmx_files(release_dir: Path, values: pd.DataFrame, indicators: pd.DataFrame) -> None:
    """Write the SDMX-CSV data and the SDMX-ML structure into the release folder."""
    codelists, scheme, dsd, flow = structure(values, indicators)
    write_sdmx(
        [*codelists, scheme, dsd, flow],
        Format.STRUCTURE_SDMX_ML_3_0,
        output_path=str(release_dir / STRUCTURE_FILE),
    )
    dataset = PandasDataset(structure=dsd.to_schema(), data=sdmx_rows(values))
    write_sdmx([dataset], Format.DATA_SDMX_CSV_2_0_0, output_path=str(release_dir / DATA_FILE))
