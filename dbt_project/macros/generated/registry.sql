{#- GENERATED from schemas/indicators/*.yml by schemas/dbt_registry.py; do not edit.
    python -m orchestration.prepare rewrites it. -#}
{% macro registry_indicators() %}
    {{ return({
        "schools_running_online_safety": {
            "code": "IND-01",
            "model": "ind_schools_running_online_safety",
            "periodicity": [
                "school_year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "school_year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "school_year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "school_year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "online_victims_supported": {
            "code": "IND-02",
            "model": "ind_online_victims_supported",
            "periodicity": [
                "year"
            ],
            "disaggregations": [
                "sex",
                "age_band"
            ],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": [
                        "year"
                    ]
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "violations_handled": {
            "code": "IND-03",
            "model": "ind_violations_handled",
            "periodicity": [
                "year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "online_abuse_cases": {
            "code": "IND-04",
            "model": "ind_online_abuse_cases",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "online_abuse_case_rate": {
            "code": "IND-04b",
            "model": "ind_online_abuse_case_rate",
            "periodicity": [
                "year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "intervention_within_24h": {
            "code": "IND-05",
            "model": "ind_intervention_within_24h",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "online_contact_share": {
            "code": "IND-06",
            "model": "ind_online_contact_share",
            "periodicity": [
                "year",
                "quarter",
                "month"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter",
                        "month"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "online_counselling_share": {
            "code": "IND-07",
            "model": "ind_online_counselling_share",
            "periodicity": [
                "year",
                "quarter",
                "month"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter",
                        "month"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "online_victims_given_support": {
            "code": "IND-08",
            "model": "ind_online_victims_given_support",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [
                "sex",
                "age_band"
            ],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": [
                        "year"
                    ]
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "officials_trained": {
            "code": "IND-09",
            "model": "ind_officials_trained",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                }
            }
        },
        "children_trained_rate": {
            "code": "IND-10",
            "model": "ind_children_trained_rate",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                }
            }
        },
        "caregivers_reached": {
            "code": "IND-11",
            "model": "ind_caregivers_reached",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                }
            }
        },
        "portal_sessions": {
            "code": "IND-12",
            "model": "ind_portal_sessions",
            "periodicity": [
                "year",
                "quarter",
                "month"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter",
                        "month"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter",
                        "month"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter",
                        "month"
                    ],
                    "breakdowns": []
                }
            }
        },
        "opinions_answered_within_30_days": {
            "code": "IND-13",
            "model": "ind_opinions_answered_within_30_days",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [
                "age_band"
            ],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": [
                        "year",
                        "quarter"
                    ]
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "reports_on_time": {
            "code": "IND-14",
            "model": "ind_reports_on_time",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                }
            }
        },
        "plan_deliverables_on_time": {
            "code": "IND-15",
            "model": "ind_plan_deliverables_on_time",
            "periodicity": [
                "year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "facility_children_counselled": {
            "code": "IND-16",
            "model": "ind_facility_children_counselled",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [
                "sex",
                "age_band"
            ],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": [
                        "year"
                    ]
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "facility_counselling_rate": {
            "code": "IND-16b",
            "model": "ind_facility_counselling_rate",
            "periodicity": [
                "year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "csam_items_confirmed": {
            "code": "IND-17",
            "model": "ind_csam_items_confirmed",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                }
            }
        },
        "csam_removed_within_24h": {
            "code": "IND-18",
            "model": "ind_csam_removed_within_24h",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": []
                }
            }
        },
        "csam_removal_median_hours": {
            "code": "IND-19",
            "model": "ind_csam_removal_median_hours",
            "periodicity": [
                "year",
                "quarter"
            ],
            "disaggregations": [
                "platform"
            ],
            "detail": {
                "national": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": [
                        "year",
                        "quarter"
                    ]
                },
                "region": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": [
                        "year",
                        "quarter"
                    ]
                },
                "province": {
                    "periods": [
                        "year",
                        "quarter"
                    ],
                    "breakdowns": [
                        "year",
                        "quarter"
                    ]
                }
            }
        },
        "provinces_inspected": {
            "code": "IND-20",
            "model": "ind_provinces_inspected",
            "periodicity": [
                "year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        },
        "recommendations_resolved": {
            "code": "IND-21",
            "model": "ind_recommendations_resolved",
            "periodicity": [
                "year"
            ],
            "disaggregations": [],
            "detail": {
                "national": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "region": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                },
                "province": {
                    "periods": [
                        "year"
                    ],
                    "breakdowns": []
                }
            }
        }
    }) }}
{% endmacro %}
