"""The reconciler's knobs: how close in time figures must be, and how big a gap is how serious.

Defaults are chosen for conflict reporting, where figures move by the day; a newsroom can change
them in its configuration without touching the verdict logic.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TimeTolerance(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    stock_days: int = Field(
        3,
        ge=0,
        description="levels (people remaining, shares) are compared when their dates are this close; "
        "a besieged population changes within days, so a wider window compares different moments",
    )
    cumulative_days: int = Field(
        14,
        ge=0,
        description="running totals this close in time are compared; a total may rise between the "
        "dates but never fall",
    )
    flow_days: int = Field(
        1,
        ge=0,
        description="counts over a window ('in the last 24 hours') are compared only when both ends "
        "of the windows are this close: a week's flow is not a day's",
    )


class Thresholds(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    min_spread: float = Field(
        1.05,
        ge=1.0,
        description="intervals that miss each other by less than this ratio nearly meet: news "
        "figures are rounded and vague words have soft edges ('tens of thousands' vs 100,000)",
    )
    warning_spread: float = Field(1.25, ge=1.0, description="a disagreement this wide is a warning")
    error_spread: float = Field(2.0, ge=1.0, description="a disagreement this wide is an error")


class ReconcileConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    time: TimeTolerance = TimeTolerance()
    thresholds: Thresholds = Thresholds()
    default_whole: str = Field(
        "people",
        description="what a figure without a parent claim is a part of; '44 children' of '341 "
        "people' compares with other children's counts, '13 children' of '82 summary killings' not",
    )
