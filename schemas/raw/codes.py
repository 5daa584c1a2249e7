"""Code lists of the raw tables (docs/contracts.md). Readers map source labels onto these.

Province codes are not listed here: they come from the packaged reference files, read when a
frame is validated (schemas.raw.checks.code_fits_scheme), never at import time.
"""

from __future__ import annotations

from schemas.reference import DISAGGREGATIONS, PROVINCE_SCHEMES

__all__ = ["PROVINCE_SCHEMES"]

CHANNELS = ["phone", "app", "zalo", "web"]
CALLER_TYPES = [
    "child",
    "parent",
    "relative",
    "teacher",
    "community",
    "official",
    "other",
    "unknown",
]
CONTACT_OUTCOMES = [
    "silent",
    "nuisance",
    "information",
    "in_depth_counselling",
    "intervention_request",
    "other",
]
REGIONAL_CENTRES = ["ha_noi", "da_nang", "an_giang"]
ABUSE_TYPES = [
    "violence",
    "sexual_abuse",
    "exploitation",
    "trafficking",
    "neglect",
    "rights_violation",
    "custody_dispute",
    "other",
]
ONLINE_SUBTYPES = [
    "grooming",
    "sextortion",
    "csam",
    "cyberbullying",
    "privacy_exposure",
    "harmful_content",
    "scam",
    "excessive_use",
    "self_harm_stream",
]
# The published breakdown categories (schemas/reference/calendar.yml), as the sources code them,
# with the sources' own unknown code (published as _U).
CHILD_SEXES = [*DISAGGREGATIONS["sex"], "unknown"]
AGE_BANDS = [*DISAGGREGATIONS["age_band"], "unknown"]
AUDIENCES = ["officials", "collaborators", "children", "parents", "teachers"]
TRAINING_MODES = ["in_person", "online"]
PLATFORMS = ["facebook", "zalo", "youtube", "tiktok"]
OPINION_TOPICS = ["online_safety", "school", "family", "health", "rights", "other"]
FACILITY_TYPES = [
    "primary",
    "lower_secondary",
    "upper_secondary",
    "multi_level",
    "care_facility",
]
SUBJECT_TYPES = ["individual", "organisation"]
VIOLATION_CHANNELS = [
    "citizen_report",
    "hotline_111",
    "platform_report",
    "police_detection",
    "inspection",
]
VIOLATION_TYPES = [
    "csam",
    "grooming_sexual_exploitation",
    "trafficking",
    "cyberbullying_defamation",
    "privacy_disclosure",
    "harmful_content",
    "fraud",
]
CSAM_CHANNELS = [
    "hotline_111",
    "citizen_report",
    "platform_report",
    "social_listening",
    "police",
    "international",
]
CSAM_MEDIA = ["image", "video"]
CSAM_PLATFORMS = DISAGGREGATIONS["platform"]  # published as IND-19's platform breakdown
INSPECTING_BODIES = ["ministry_inspectorate", "provincial_inspectorate", "police", "interagency"]
INSPECTION_FINDINGS = ["no_violation", "violation_found"]
