"""The `[tool.reconcile]` table (pyproject.toml) or a reconcile.toml: a newsroom's settings.

    [tool.reconcile]
    corpus = ["articles", "wire"]      # folders or files of the corpus, relative to this file
    rules = "newsroom-rules"           # a rules folder that adds to or overrides the built-in one
    fail_on = "warning"                # notice | warning | error
    baseline = "reconcile-baseline.json"

    [tool.reconcile.thresholds]        # how wide a gap is a warning or an error
    warning_spread = 1.5
    error_spread = 3.0

    [tool.reconcile.time]              # how close in time figures must be to be compared
    cumulative_days = 10

Every table forbids unknown keys, so a misspelt setting is an error, not silently ignored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reconcile.compare.config import ReconcileConfig, Thresholds, TimeTolerance

FailLevel = Literal["notice", "warning", "error"]


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    corpus: list[str] = Field(default_factory=list, description="corpus folders or files, relative to the file")
    rules: str | None = Field(None, description="a user rules folder, relative to the file")
    fail_on: FailLevel = "error"
    baseline: str | None = Field(None, description="a baseline file of accepted results, relative to the file")
    thresholds: Thresholds = Thresholds()
    time: TimeTolerance = TimeTolerance()
    default_whole: str = ReconcileConfig.model_fields["default_whole"].default

    @field_validator("corpus", mode="before")
    @classmethod
    def _one_or_many(cls, value):
        return [value] if isinstance(value, str) else value

    def reconcile_config(self) -> ReconcileConfig:
        return ReconcileConfig(time=self.time, thresholds=self.thresholds, default_whole=self.default_whole)
