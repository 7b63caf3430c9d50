"""Pydantic models of the decision contract: request, events and decision."""

from contactrules.models.decision import Decision, Finding, TraceEntry, ZoneTrace
from contactrules.models.events import (
    AttorneyRepresentation,
    Bankruptcy,
    CeaseRequest,
    Consent,
    ConsentRevoked,
    ContactEvent,
    Deceased,
    Dispute,
    Event,
    InconvenientPlace,
    InconvenientTime,
    NoWorkContact,
    OptOut,
    RefusalToPay,
    VerificationSent,
)
from contactrules.models.parse import parse_request, parse_request_json
from contactrules.models.request import Collector, Consumer, Contact, Debt, Location, Request

__all__ = [
    "AttorneyRepresentation",
    "Bankruptcy",
    "CeaseRequest",
    "Collector",
    "Consent",
    "ConsentRevoked",
    "Consumer",
    "Contact",
    "ContactEvent",
    "Debt",
    "Deceased",
    "Decision",
    "Dispute",
    "Event",
    "Finding",
    "InconvenientPlace",
    "InconvenientTime",
    "Location",
    "NoWorkContact",
    "OptOut",
    "RefusalToPay",
    "Request",
    "TraceEntry",
    "VerificationSent",
    "ZoneTrace",
    "parse_request",
    "parse_request_json",
]
