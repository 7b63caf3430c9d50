"""The closed vocabularies of the decision contract (``shared/spec/contract.md``).

Each is a ``Literal`` so that pydantic rejects an unknown value with the field's JSON path and the
JSON Schema lists the allowed values.
"""

from __future__ import annotations

from typing import Literal, get_args

Channel = Literal["call", "sms", "email", "letter", "in_person", "social_media"]
Recipient = Literal["consumer", "third_party", "attorney"]
PhoneType = Literal["wireless", "landline", "voip", "unknown"]
Technology = Literal["manual", "autodialer", "prerecorded", "artificial_voice", "voicemail_drop"]
EmailKind = Literal["personal", "work", "unknown"]
Place = Literal["home", "work", "other"]
Visibility = Literal["private", "public"]
Purpose = Literal["collection", "cease_acknowledgement", "remedy_notice"]
CollectorRole = Literal["third_party", "first_party"]
DebtPurpose = Literal["consumer", "business"]
DebtType = Literal[
    "credit_card", "medical", "student_loan", "mortgage", "auto", "utility", "telecom", "other"
]
Direction = Literal["outbound", "inbound"]
Outcome = Literal[
    "conversation", "no_answer", "voicemail", "busy", "not_connected", "delivered", "failed"
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ConsentKind = Literal["tcpa_prior_express", "call_frequency", "email", "sms", "social_media"]

WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
EventType = Literal[
    "contact",
    "cease_request",
    "refusal_to_pay",
    "opt_out",
    "inconvenient_time",
    "inconvenient_place",
    "no_work_contact",
    "attorney_representation",
    "bankruptcy",
    "deceased",
    "dispute",
    "verification_sent",
    "consent",
    "consent_revoked",
]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
