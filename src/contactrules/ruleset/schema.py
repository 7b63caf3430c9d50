"""The ruleset file format: one YAML file per jurisdiction, validated by these models.

``contactrules schema`` prints ``RulesetFile``'s JSON Schema, so editors validate and autocomplete
the YAML a compliance officer writes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from contactrules.kinds import Rule

JURISDICTION_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=3)
    url: HttpUrl


class RulesetFile(BaseModel):
    """One jurisdiction's rules, with the sources read and the date they were last reviewed."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="contactrules ruleset",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    jurisdiction: str = Field(
        pattern=JURISDICTION_PATTERN,
        description="US, US-MA, US-NY-NYC, CA-ON, GB ... (ISO 3166 with subdivisions)",
    )
    title: str = Field(min_length=3)
    level: Literal["federal", "state", "local", "national", "provincial", "territorial"]
    layer: Literal["law", "policy"] = Field(
        "law", description="'policy' for an organisation's own stricter overlay"
    )
    sources: list[Source] = Field(min_length=1)
    reviewed: dt.date = Field(description="When a person last checked these rules against the law")
    summary: str = ""
    rules: list[Rule] = Field(default_factory=list)


def ruleset_json_schema() -> dict[str, Any]:
    return RulesetFile.model_json_schema(by_alias=True)
