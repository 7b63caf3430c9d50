"""US federal law at its edges: Regulation F / FDCPA, TCPA, the bankruptcy stay.

Each edge is named after the paragraph it tests. Unless a test says otherwise the consumer lives
in Delaware (Eastern) and the collector is a third-party debt collector.
"""

from __future__ import annotations

import pytest
from _edges import Edge, call, check_edge, edge_ids, event, request

from contactrules import Engine

JURISDICTION = "US"
NOT_STRICTER_BECAUSE = "this is the federal floor itself"

TUE = "2026-06-16"
AT_10 = f"{TUE}T10:00:00-04:00"
OTHER_PHONE = "+13025550199"
DE_PHONE = "+13025550142"  # the sample Delaware number request() dials
week = [call(f"2026-06-{d:02d}T10:00:00-04:00") for d in range(10, 17)]  # 06-10..06-16 09:00+
week[-1] = call("2026-06-16T09:00:00-04:00")
last_week = [call(f"2026-06-{d:02d}T10:00:00-04:00") for d in range(9, 15)] + [
    call("2026-06-16T09:00:00-04:00")
]


def de(at: str = AT_10, **kw: object) -> dict[str, object]:
    return request("DE", at, **kw)  # type: ignore[arg-type]


def day_7_vs_day_8(
    talked: str, day_7: str, day_8: str, name: str, next_allowed_at: str, state: str = "DE"
) -> Edge:
    """1006.14(b)(2)(i)(B): a call on day 7 after a conversation (its date is day 1) is denied,
    one on day 8 allowed."""
    history = [call(talked, outcome="conversation")]
    return Edge(
        "us.regf.call-after-conversation",
        request(state, day_7, events=history),
        request(state, day_8, events=history),
        name=name,
        next_allowed_at=next_allowed_at,
    )


def eighth_call_vs_next_day(
    state: str, calls: list[str], eighth: str, next_day: str, name: str, next_allowed_at: str
) -> Edge:
    """1006.14(b)(2)(i)(A): after seven calls, an eighth in the same seven local days is denied;
    the next day, when the first call has left the period, it is allowed."""
    history = [call(at) for at in calls]
    return Edge(
        "us.regf.call-frequency",
        request(state, eighth, events=history),
        request(state, next_day, events=history),
        name=name,
        next_allowed_at=next_allowed_at,
    )


EDGES = [
    # ---------------------------------------------------------------- time of day
    Edge(
        "us.regf.time-of-day",
        de(f"{TUE}T07:59:00-04:00"),
        de(f"{TUE}T08:00:00-04:00"),
        name="1006.6(b)(1)(i) 07:59 vs 08:00",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        de(f"{TUE}T21:00:00-04:00", channel="sms"),
        de(f"{TUE}T20:59:00-04:00", channel="sms"),
        name="1006.6(b)(1)(i) text 21:00 vs 20:59",
        next_allowed_at="2026-06-17T12:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        de("2019-06-18T07:59:00-04:00"),
        de("2019-06-18T08:00:00-04:00"),
        name="1692c(a)(1) before Regulation F 07:59 vs 08:00",
    ),
    Edge(
        "us.regf.time-of-day",
        de(f"{TUE}T10:59:00-04:00", phone="+12135550199"),
        de(f"{TUE}T11:00:00-04:00", phone="+12135550199"),
        name="comment 6(b)(1)(i)-2 Eastern address, Pacific mobile: 10:59 vs 11:00 ET",
        next_allowed_at="2026-06-16T15:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        request("AK", "2026-06-16T07:59:00-08:00", channel="email"),
        request("AK", "2026-06-16T08:00:00-08:00", channel="email"),
        name="1006.6(b)(1)(i) Alaska email 07:59 vs 08:00 AKDT",
        next_allowed_at="2026-06-16T16:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        request("AK", "2026-06-16T08:59:00-08:00"),
        request("AK", "2026-06-16T09:00:00-08:00"),
        name="comment 6(b)(1)(i)-2 Alaska call: area code 907 also spans Adak, an hour behind",
        next_allowed_at="2026-06-16T17:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        request("HI", "2026-06-16T07:59:00-10:00"),
        request("HI", "2026-06-16T08:00:00-10:00"),
        name="1006.6(b)(1)(i) Hawaii 07:59 vs 08:00 HST",
        next_allowed_at="2026-06-16T18:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        request("AZ", "2026-06-16T07:59:00-07:00"),
        request("AZ", "2026-06-16T08:00:00-07:00"),
        name="1006.6(b)(1)(i) Arizona (no DST) 07:59 vs 08:00 MST",
        next_allowed_at="2026-06-16T15:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        request("PR", "2026-06-16T07:59:00-04:00", place="home"),
        request("PR", "2026-06-16T08:00:00-04:00", place="home"),
        name="1006.6(b)(1)(i) Puerto Rico 07:59 vs 08:00 AST",
        next_allowed_at="2026-06-16T12:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        de("2026-03-08T07:59:00-04:00"),
        de("2026-03-08T08:00:00-04:00"),
        name="1006.6(b)(1)(i) spring-forward Sunday 07:59 vs 08:00 EDT",
        next_allowed_at="2026-03-08T12:00:00Z",
    ),
    Edge(
        "us.regf.time-of-day",
        de("2026-11-01T07:59:00-05:00"),
        de("2026-11-01T08:00:00-05:00"),
        name="1006.6(b)(1)(i) fall-back Sunday 07:59 vs 08:00 EST",
        next_allowed_at="2026-11-01T13:00:00Z",
    ),
    # ---------------------------------------------------------------- designated times
    Edge(
        "us.regf.consumer-designated-times",
        de(
            f"{TUE}T11:59:00-04:00",
            events=[
                event(
                    "inconvenient_time",
                    "2026-06-01T10:00:00Z",
                    days=["tue"],
                    **{"from": "09:00", "to": "12:00"},
                )
            ],
        ),
        de(
            f"{TUE}T12:00:00-04:00",
            events=[
                event(
                    "inconvenient_time",
                    "2026-06-01T10:00:00Z",
                    days=["tue"],
                    **{"from": "09:00", "to": "12:00"},
                )
            ],
        ),
        name="1006.6(b)(1)(i) designated 09:00-12:00: 11:59 vs 12:00",
        next_allowed_at="2026-06-16T16:00:00Z",
    ),
    Edge(
        "us.regf.consumer-designated-times",
        de(
            f"{TUE}T11:00:00-04:00",
            events=[
                event(
                    "inconvenient_time",
                    "2026-06-01T10:00:00Z",
                    days=["tue"],
                    **{"from": "09:00", "to": "12:00"},
                ),
                call(f"{TUE}T10:30:00-04:00", direction="inbound", outcome="conversation"),
                call(f"{TUE}T10:40:00-04:00", outcome="conversation", channel="sms"),
            ],
        ),
        de(
            f"{TUE}T11:00:00-04:00",
            channel="sms",
            events=[
                event(
                    "inconvenient_time",
                    "2026-06-01T10:00:00Z",
                    days=["tue"],
                    **{"from": "09:00", "to": "12:00"},
                ),
                call(
                    f"{TUE}T10:30:00-04:00", direction="inbound", outcome="delivered", channel="sms"
                ),
            ],
        ),
        name="comment 6(b)(1)-2 one same-medium reply to the consumer's text, not a call",
        allowed_overall=True,
    ),
    Edge(
        "us.regf.consumer-designated-times",
        de(
            "2019-06-18T11:00:00-04:00",
            events=[
                event(
                    "inconvenient_time",
                    "2019-06-01T10:00:00Z",
                    days=["tue"],
                    **{"from": "09:00", "to": "12:00"},
                )
            ],
        ),
        de(
            "2019-06-18T12:00:00-04:00",
            events=[
                event(
                    "inconvenient_time",
                    "2019-06-01T10:00:00Z",
                    days=["tue"],
                    **{"from": "09:00", "to": "12:00"},
                )
            ],
        ),
        name="1692c(a)(1) known inconvenient time before Regulation F",
    ),
    # ---------------------------------------------------------------- call frequency
    Edge(
        "us.regf.call-frequency",
        de(events=week),
        de(events=last_week),
        name="1006.14(b)(2)(i)(A) 8th call in 7 days vs 7th",
        next_allowed_at="2026-06-17T12:00:00Z",
    ),
    Edge(
        "us.regf.call-frequency",
        de(events=[*week[:-1], call("2026-06-16T09:00:00-04:00", outcome="voicemail")]),
        de(events=[*week[:-1], call("2026-06-16T09:00:00-04:00", outcome="busy")]),
        name="1006.14(b)(3)(ii) a call reaching voicemail counts, a busy signal does not",
    ),
    Edge(
        "us.regf.call-frequency",
        de(events=week),
        de(events=[event("consent", "2026-06-12T09:00:00-04:00", kind="call_frequency"), *week]),
        name="1006.14(b)(3)(i) calls within seven days of direct prior consent are excluded",
    ),
    Edge(
        "us.regf.call-frequency-student-loans",
        de(
            debt_type="student_loan",
            debt_id="L2",
            account_id="A1",
            events=[call(e["at"], debt_id="L1", account_id="A1") for e in week],
        ),
        de(
            debt_type="student_loan",
            debt_id="L2",
            account_id="A1",
            events=[call(e["at"], debt_id="L1", account_id="A9") for e in week],
        ),
        name="1006.14(b)(4) student loans under one account are one debt",
    ),
    Edge(
        "us.regf.call-frequency-third-parties",
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(e["at"], recipient="third_party", phone=OTHER_PHONE, outcome="no_answer")
                for e in week
            ],
        ),
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(e["at"], recipient="third_party", phone="+13025550177", outcome="no_answer")
                for e in week
            ],
        ),
        name="comment 14(b)(2)(i)-1.iii eighth call to the same third party vs another person",
    ),
    # ---------------------------------------------------------------- conversation cooldown
    day_7_vs_day_8(
        "2026-06-15T10:30:00-04:00",
        "2026-06-21T10:00:00-04:00",
        "2026-06-22T10:00:00-04:00",
        name="1006.14(b)(2)(i)(B) day 7 vs day 8 after a conversation",
        next_allowed_at="2026-06-22T12:00:00Z",
    ),
    Edge(
        "us.regf.call-after-conversation",
        de(
            "2026-06-21T10:00:00-04:00",
            events=[call("2026-06-15T10:30:00-04:00", direction="inbound", outcome="conversation")],
        ),
        de(
            "2026-06-21T10:00:00-04:00",
            channel="sms",
            events=[call("2026-06-15T10:30:00-04:00", direction="inbound", outcome="conversation")],
        ),
        name="1006.14(b)(2)(i)(B) a conversation the consumer started counts; texts are not calls",
    ),
    Edge(
        "us.regf.call-after-conversation-student-loans",
        de(
            "2026-06-21T10:00:00-04:00",
            debt_type="student_loan",
            debt_id="L2",
            account_id="A1",
            events=[
                call(
                    "2026-06-15T10:30:00-04:00",
                    outcome="conversation",
                    debt_id="L1",
                    account_id="A1",
                )
            ],
        ),
        de(
            "2026-06-22T10:00:00-04:00",
            debt_type="student_loan",
            debt_id="L2",
            account_id="A1",
            events=[
                call(
                    "2026-06-15T10:30:00-04:00",
                    outcome="conversation",
                    debt_id="L1",
                    account_id="A1",
                )
            ],
        ),
        name="1006.14(b)(4) conversation about a loan on the account: day 7 vs day 8",
    ),
    # ---------------------------------------------------------------- cease, attorney, opt-out
    Edge(
        "us.regf.cease-communication",
        de(events=[event("cease_request", "2026-06-12T10:00:00-04:00", written=True)]),
        de(
            events=[event("cease_request", "2026-06-12T10:00:00-04:00", written=True)],
            channel="letter",
            purpose="cease_acknowledgement",
        ),
        name="1006.6(c)(1) written cease vs 1006.6(c)(2) letter acknowledging it",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.cease-communication",
        de(
            events=[
                event("refusal_to_pay", "2026-06-12T10:00:00-04:00", written=True, debt_ids=["D1"])
            ]
        ),
        de(
            events=[
                event("refusal_to_pay", "2026-06-12T10:00:00-04:00", written=False, debt_ids=["D1"])
            ]
        ),
        name="1006.6(c)(1) written refusal to pay vs an oral one",
    ),
    Edge(
        "us.regf.cease-communication",
        de(
            "2019-06-18T10:00:00-04:00",
            events=[event("cease_request", "2019-06-12T10:00:00-04:00", written=True)],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            events=[
                event("cease_request", "2019-06-12T10:00:00-04:00", written=True, debt_ids=["D2"])
            ],
        ),
        name="1692c(c) before Regulation F: cease for this debt vs another debt",
    ),
    Edge(
        "us.regf.attorney-represented",
        de(
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00Z",
                    debt_ids=["D1"],
                    ended_at="2026-06-20T00:00:00Z",
                )
            ]
        ),
        de(
            events=[
                event(
                    "attorney_representation",
                    "2026-06-01T10:00:00Z",
                    debt_ids=["D1"],
                    ended_at="2026-06-16T13:59:00Z",
                )
            ]
        ),
        name="1006.6(b)(2) represented for this debt until 06-20 vs representation ended",
        next_allowed_at="2026-06-20T00:00:00Z",
    ),
    Edge(
        "us.regf.attorney-represented",
        de(
            "2019-06-18T10:00:00-04:00",
            events=[event("attorney_representation", "2019-06-01T10:00:00Z")],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            recipient="attorney",
            events=[event("attorney_representation", "2019-06-01T10:00:00Z")],
        ),
        name="1692c(a)(2) before Regulation F: the consumer vs the attorney",
    ),
    Edge(
        "us.regf.medium-opt-out",
        de(
            channel="email",
            email="pat@example.com",
            events=[
                event("opt_out", "2026-06-10T10:00:00Z", channel="email", address="PAT@example.com")
            ],
        ),
        de(
            channel="email",
            email="pat@work.example",
            events=[
                event("opt_out", "2026-06-10T10:00:00Z", channel="email", address="pat@example.com")
            ],
        ),
        name="1006.14(h)(1) opted-out email address vs another address",
        next_allowed_at=None,
    ),
    # ---------------------------------------------------------------- places
    Edge(
        "us.regf.inconvenient-place",
        de(
            channel="letter",
            place="home",
            events=[event("inconvenient_place", "2026-06-01T10:00:00Z", place="home")],
        ),
        de(
            channel="email",
            events=[event("inconvenient_place", "2026-06-01T10:00:00Z", place="home")],
        ),
        name="1006.6(b)(1)(ii) letter to the designated home vs an email (not place-bound)",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.workplace-employer-prohibits",
        de(
            place="work",
            phone_type="landline",
            events=[event("no_work_contact", "2026-06-01T10:00:00Z")],
        ),
        de(place="home", events=[event("no_work_contact", "2026-06-01T10:00:00Z")]),
        name="1006.6(b)(3) call to work after the consumer said the employer forbids it vs home",
    ),
    Edge(
        "us.regf.workplace-employer-prohibits",
        de(
            "2019-06-18T10:00:00-04:00",
            place="work",
            events=[event("no_work_contact", "2019-06-01T10:00:00Z")],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            place="work",
            events=[event("no_work_contact", "2019-06-19T10:00:00Z")],
        ),
        name="1692c(a)(3) before Regulation F: known vs not yet known",
    ),
    Edge(
        "us.regf.work-email",
        de(channel="email", email="pat@employer.example", email_kind="work"),
        de(
            channel="email",
            email="pat@employer.example",
            email_kind="work",
            events=[
                call(
                    "2026-06-10T10:00:00Z",
                    channel="email",
                    direction="inbound",
                    outcome="delivered",
                    email="Pat@Employer.example",
                )
            ],
        ),
        name="1006.22(f)(3) work email vs one the consumer wrote from",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.public-social-media",
        de(channel="social_media", visibility="public"),
        de(channel="social_media", visibility="private"),
        name="1006.22(f)(4) public post vs private message",
        next_allowed_at=None,
    ),
    # ---------------------------------------------------------------- third parties, disputes
    Edge(
        "us.regf.location-communication-once",
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(
                    "2025-01-10T10:00:00Z",
                    recipient="third_party",
                    phone=OTHER_PHONE,
                    outcome="conversation",
                )
            ],
        ),
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(
                    "2025-01-10T10:00:00Z",
                    recipient="third_party",
                    phone=OTHER_PHONE,
                    outcome="no_answer",
                )
            ],
        ),
        name="1006.10(c) second communication with the same third party vs after an unanswered try",
    ),
    Edge(
        "us.regf.location-communication-once",
        de(
            "2019-06-18T10:00:00-04:00",
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(
                    "2019-01-10T10:00:00Z",
                    recipient="third_party",
                    phone=OTHER_PHONE,
                    outcome="conversation",
                )
            ],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            recipient="third_party",
            phone="+13025550177",
            events=[
                call(
                    "2019-01-10T10:00:00Z",
                    recipient="third_party",
                    phone=OTHER_PHONE,
                    outcome="conversation",
                )
            ],
        ),
        name="1692b(3) before Regulation F: same third party vs another",
    ),
    Edge(
        "us.regf.dispute-suspends-collection",
        de(events=[event("dispute", "2026-06-05T10:00:00Z", debt_id="D1", written=True)]),
        de(
            events=[
                event("dispute", "2026-06-05T10:00:00Z", debt_id="D1", written=True),
                event("verification_sent", "2026-06-12T10:00:00Z", debt_id="D1"),
            ]
        ),
        name="1006.38(d)(2) written dispute vs verification sent",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.dispute-suspends-collection",
        de(
            "2019-06-18T10:00:00-04:00",
            events=[event("dispute", "2019-06-05T10:00:00Z", debt_id="D1", written=True)],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            events=[event("dispute", "2019-06-05T10:00:00Z", debt_id="D1", written=False)],
        ),
        name="1692g(b) before Regulation F: written vs oral dispute",
    ),
    Edge(
        "us.regf.deceased-consumer",
        de(events=[event("deceased", "2026-06-01T10:00:00Z")]),
        de(estate_representative=True, events=[event("deceased", "2026-06-01T10:00:00Z")]),
        name="1006.6(a)(4) after death: unknown person vs the estate's representative",
        next_allowed_at=None,
    ),
    # ---------------------------------------------------------------- TCPA
    Edge(
        "us.tcpa.wireless-prior-express-consent",
        de(
            technology="autodialer",
            events=[
                event(
                    "consent", "2026-05-01T10:00:00Z", kind="tcpa_prior_express", phone=OTHER_PHONE
                )
            ],
        ),
        de(
            technology="autodialer",
            events=[
                event(
                    "consent",
                    "2026-05-01T10:00:00Z",
                    kind="tcpa_prior_express",
                    phone="+13025550142",
                )
            ],
        ),
        name="227(b)(1)(A)(iii) consent for another number vs for the number dialed",
        next_allowed_at=None,
    ),
    Edge(
        "us.tcpa.wireless-prior-express-consent",
        de(
            technology="prerecorded",
            channel="call",
            events=[
                event(
                    "consent",
                    "2026-05-01T10:00:00Z",
                    kind="tcpa_prior_express",
                    phone="+13025550142",
                    debt_ids=["D9"],
                )
            ],
        ),
        de(technology="prerecorded", phone_type="landline"),
        name="64.1200(a)(1)(iii) consent for another debt vs a landline (not governed)",
    ),
    Edge(
        "us.tcpa.wireless-prior-express-consent",
        de(
            "2024-06-18T10:00:00-04:00",
            channel="sms",
            technology="autodialer",
            events=[
                event(
                    "consent",
                    "2024-05-01T10:00:00Z",
                    kind="tcpa_prior_express",
                    phone="+13025550142",
                ),
                event(
                    "consent_revoked",
                    "2024-06-17T10:00:00Z",
                    kind="tcpa_prior_express",
                    phone="+13025550142",
                ),
            ],
        ),
        de(
            "2024-06-18T10:00:00-04:00",
            channel="sms",
            technology="autodialer",
            events=[
                event(
                    "consent",
                    "2024-05-01T10:00:00Z",
                    kind="tcpa_prior_express",
                    phone="+13025550142",
                ),
                event(
                    "consent_revoked",
                    "2024-06-18T15:00:00Z",
                    kind="tcpa_prior_express",
                    phone="+13025550142",
                ),
            ],
        ),
        name="227(b)(1)(A)(iii) 2024 text after revocation vs before it",
    ),
    Edge(
        "us.tcpa.residential-prerecorded-limit",
        de(
            technology="prerecorded",
            phone_type="landline",
            events=[
                call(
                    f"2026-06-{d:02d}T10:00:00-04:00",
                    technology="prerecorded",
                    phone="+13025550142",
                )
                for d in (1, 8, 15)
            ],
        ),
        de(
            technology="prerecorded",
            phone_type="landline",
            events=[
                call(
                    f"2026-{m:02d}-{d:02d}T10:00:00-04:00",
                    technology="prerecorded",
                    phone="+13025550142",
                )
                for m, d in ((5, 17), (6, 8), (6, 15))
            ],
        ),
        name="64.1200(a)(3)(iii) fourth prerecorded call in 30 days vs the first leaving them",
        # The 06-01 10:00 call leaves exactly 30 x 24 hours later.
        next_allowed_at="2026-07-01T14:00:00Z",
    ),
    Edge(
        "us.tcpa.residential-prerecorded-limit",
        de(
            technology="prerecorded",
            phone_type="landline",
            events=[
                *[
                    call(
                        f"2026-06-{d:02d}T10:00:00-04:00", technology="prerecorded", phone=DE_PHONE
                    )
                    for d in (1, 8, 15)
                ],
                event(
                    "consent", "2026-05-01T10:00:00Z", kind="tcpa_prior_express", phone=OTHER_PHONE
                ),
            ],
        ),
        de(
            technology="prerecorded",
            phone_type="landline",
            events=[
                *[
                    call(
                        f"2026-06-{d:02d}T10:00:00-04:00", technology="prerecorded", phone=DE_PHONE
                    )
                    for d in (1, 8, 15)
                ],
                event("consent", "2026-05-01T10:00:00Z", kind="tcpa_prior_express", phone=DE_PHONE),
            ],
        ),
        name="FCC 22-100 consent for another number vs for the line lifts the three-call limit",
    ),
    Edge(
        "us.tcpa.residential-prerecorded-limit",
        de(
            "2026-06-16T09:59:00-04:00",
            technology="prerecorded",
            phone_type="landline",
            events=[
                call(f"{day}T10:00:00-04:00", technology="prerecorded", phone=DE_PHONE)
                for day in ("2026-05-17", "2026-06-08", "2026-06-15")
            ],
        ),
        de(
            "2026-06-16T10:00:00-04:00",
            technology="prerecorded",
            phone_type="landline",
            events=[
                call(f"{day}T10:00:00-04:00", technology="prerecorded", phone=DE_PHONE)
                for day in ("2026-05-17", "2026-06-08", "2026-06-15")
            ],
        ),
        name="64.1200(a)(3)(iii) any 30 days read as 30 x 24 hours: 09:59 vs 10:00",
        next_allowed_at="2026-06-16T14:00:00Z",
    ),
    # ---------------------------------------------------------------- consent windows
    Edge(
        "us.regf.call-frequency",
        de(
            "2026-06-11T15:30:00-04:00",
            events=[
                event("consent", "2026-06-04T16:00:00-04:00", kind="call_frequency"),
                *[call(f"2026-06-11T{h:02d}:00:00-04:00") for h in range(8, 15)],
            ],
        ),
        de(
            "2026-06-10T15:30:00-04:00",
            events=[
                event("consent", "2026-06-04T16:00:00-04:00", kind="call_frequency"),
                *[call(f"2026-06-10T{h:02d}:00:00-04:00") for h in range(8, 15)],
            ],
        ),
        name="1006.14(b)(3)(i) consent received Thursday: day 8 (not 7 x 24 hours) vs day 7",
        # The seven calls of 06-11 all leave the period when 06-18 begins.
        next_allowed_at="2026-06-18T12:00:00Z",
    ),
    Edge(
        "us.regf.call-frequency",
        de(
            events=[
                event("consent", "2026-06-12T09:00:00-04:00", kind="call_frequency"),
                call("2026-06-12T09:30:00-04:00", outcome="conversation"),
                *week,
            ]
        ),
        de(
            events=[
                event(
                    "consent", "2026-06-12T09:00:00-04:00", kind="call_frequency", debt_ids=["D1"]
                ),
                *week,
            ]
        ),
        name="comment 14(b)(3)(i)-2 a conversation ends the consent vs consent for this debt",
        allowed_overall=False,  # the conversation itself starts the 1006.14(b)(2)(i)(B) period
    ),
    Edge(
        "us.regf.call-after-conversation",
        de(
            "2026-04-06T10:00:00-04:00",
            events=[
                call("2026-04-03T10:00:00-04:00", outcome="conversation"),
                event(
                    "consent", "2026-04-03T10:05:00-04:00", kind="call_frequency", debt_ids=["D9"]
                ),
            ],
        ),
        de(
            "2026-04-06T10:00:00-04:00",
            events=[
                call("2026-04-03T10:00:00-04:00", outcome="conversation"),
                event(
                    "consent", "2026-04-03T10:05:00-04:00", kind="call_frequency", debt_ids=["D1"]
                ),
            ],
        ),
        name="comment 14(b)(3)(i)-3.i 'call back on Monday': consent for another debt vs this one",
        next_allowed_at="2026-04-10T12:00:00Z",
    ),
    # ---------------------------------------------------------------- calendars and zones
    day_7_vs_day_8(
        "2026-03-08T10:00:00-04:00",
        "2026-03-14T10:00:00-04:00",
        "2026-03-15T08:00:00-04:00",
        name="1006.14(b)(2)(i)(B) conversation on the spring-forward Sunday: day 7 vs day 8",
        next_allowed_at="2026-03-15T12:00:00Z",
    ),
    day_7_vs_day_8(
        "2026-10-31T10:00:00-04:00",
        "2026-11-06T10:00:00-05:00",
        "2026-11-07T08:00:00-05:00",
        name="1006.14(b)(2)(i)(B) period across the fall-back night: day 7 vs day 8 (EST)",
        next_allowed_at="2026-11-07T13:00:00Z",
    ),
    day_7_vs_day_8(
        "2026-06-15T23:30:00-10:00",
        "2026-06-21T20:59:00-10:00",
        "2026-06-22T08:00:00-10:00",
        name="1006.14(b)(2)(i)(B) Hawaii: day 1 is the local date (06-16 in UTC)",
        next_allowed_at="2026-06-22T18:00:00Z",
        state="HI",
    ),
    eighth_call_vs_next_day(
        "AZ",
        [f"2026-03-{d:02d}T08:00:00-07:00" for d in range(8, 15)],
        "2026-03-14T20:30:00-07:00",
        "2026-03-15T08:00:00-07:00",
        name="1006.14(b)(2)(i)(A) Arizona across the DST change elsewhere: 8th call vs next day",
        next_allowed_at="2026-03-15T15:00:00Z",
    ),
    eighth_call_vs_next_day(
        "AK",
        [f"2026-06-{d:02d}T20:30:00-08:00" for d in range(10, 17)],
        "2026-06-16T20:45:00-08:00",
        "2026-06-17T09:00:00-08:00",
        name="1006.14(b)(2)(i)(A) Alaska: calls at 20:30 AKDT fall on the next UTC day",
        # 06-10 leaves the period at local midnight; area code 907 also spans Adak (HDT), where
        # 08:00 comes an hour after Anchorage's.
        next_allowed_at="2026-06-17T17:00:00Z",
    ),
    day_7_vs_day_8(
        "2026-06-15T10:00:00-04:00",
        "2026-06-21T10:00:00-04:00",
        "2026-06-22T08:00:00-04:00",
        name="1006.14(b)(2)(i)(B) Puerto Rico (AST, no DST): day 7 vs day 8",
        next_allowed_at="2026-06-22T12:00:00Z",
        state="PR",
    ),
    # ---------------------------------------------------------------- replies, places, media
    Edge(
        "us.regf.medium-opt-out",
        de(
            channel="sms",
            events=[
                event("opt_out", "2026-06-10T10:00:00Z", channel="sms"),
                call(
                    "2026-06-16T09:50:00-04:00",
                    channel="sms",
                    direction="inbound",
                    outcome="delivered",
                ),
                call("2026-06-16T09:55:00-04:00", channel="sms", outcome="delivered"),
            ],
        ),
        de(
            channel="sms",
            events=[
                event("opt_out", "2026-06-10T10:00:00Z", channel="sms"),
                call(
                    "2026-06-16T09:50:00-04:00",
                    channel="sms",
                    direction="inbound",
                    outcome="delivered",
                ),
            ],
        ),
        name="1006.14(h)(2)(ii) a second text after the consumer's text vs the one reply",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.medium-opt-out",
        de(
            channel="email",
            email="pat@example.com",
            events=[
                event(
                    "opt_out", "2026-06-10T10:00:00Z", channel="email", address="pat@example.com"
                ),
                call(
                    "2026-06-16T09:50:00-04:00",
                    channel="email",
                    direction="inbound",
                    outcome="delivered",
                    email="pat@other.example",
                ),
            ],
        ),
        de(
            channel="email",
            email="pat@example.com",
            events=[
                event(
                    "opt_out", "2026-06-10T10:00:00Z", channel="email", address="pat@example.com"
                ),
                call(
                    "2026-06-16T09:50:00-04:00",
                    channel="email",
                    direction="inbound",
                    outcome="delivered",
                    email="Pat@Example.com",
                ),
            ],
        ),
        name="1006.14(h)(2)(ii) reply to the opted-out address: email from another address vs it",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.inconvenient-place",
        de(
            channel="letter",
            events=[event("inconvenient_place", "2026-06-01T10:00:00Z", place="home")],
        ),
        de(
            channel="letter",
            place="other",
            events=[event("inconvenient_place", "2026-06-01T10:00:00Z", place="home")],
        ),
        name="comment 6(b)(1)(ii)-1 a letter with no place given vs one to another address",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.inconvenient-place",
        de(
            place="home",
            phone_type="landline",
            events=[
                event("inconvenient_place", "2026-06-01T10:00:00Z", place="home"),
                call(
                    "2026-06-16T09:30:00-04:00",
                    direction="inbound",
                    outcome="voicemail",
                    place="work",
                ),
            ],
        ),
        de(
            place="home",
            phone_type="landline",
            events=[
                event("inconvenient_place", "2026-06-01T10:00:00Z", place="home"),
                call(
                    "2026-06-16T09:30:00-04:00",
                    direction="inbound",
                    outcome="voicemail",
                    place="home",
                ),
            ],
        ),
        name="comment 6(b)(1)-2.ii one response when the consumer calls from home, not from work",
    ),
    Edge(
        "us.regf.inconvenient-place",
        de(
            "2019-06-18T10:00:00-04:00",
            place="home",
            events=[event("inconvenient_place", "2019-06-01T10:00:00Z", place="home")],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            place="work",
            events=[event("inconvenient_place", "2019-06-01T10:00:00Z", place="home")],
        ),
        name="1692c(a)(1) before Regulation F: the designated place vs another",
    ),
    Edge(
        "us.regf.location-attorney-known",
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[event("attorney_representation", "2026-06-01T10:00:00Z", debt_ids=["D1"])],
        ),
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[event("attorney_representation", "2026-06-01T10:00:00Z", debt_ids=["D2"])],
        ),
        name="1006.10(b)(5) location call after an attorney is known for this debt vs another debt",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.location-attorney-known",
        de(
            "2019-06-18T10:00:00-04:00",
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[event("attorney_representation", "2019-06-01T10:00:00Z")],
        ),
        de(
            "2019-06-18T10:00:00-04:00",
            recipient="attorney",
            phone=OTHER_PHONE,
            events=[event("attorney_representation", "2019-06-01T10:00:00Z")],
        ),
        name="1692b(6) before Regulation F: a third party vs the consumer's attorney",
    ),
    Edge(
        "us.regf.location-communication-once",
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(
                    "2026-06-10T10:00:00Z",
                    recipient="third_party",
                    phone=OTHER_PHONE,
                    direction="inbound",
                    outcome="conversation",
                )
            ],
        ),
        de(
            recipient="third_party",
            phone=OTHER_PHONE,
            events=[
                call(
                    "2026-06-10T10:00:00Z",
                    recipient="third_party",
                    phone=OTHER_PHONE,
                    outcome="busy",
                )
            ],
        ),
        name="1006.10(c) the third party called back and talked vs a busy signal",
        next_allowed_at=None,
    ),
    Edge(
        "us.regf.deceased-consumer",
        de("2019-06-18T10:00:00-04:00", events=[event("deceased", "2019-06-01T10:00:00Z")]),
        de(
            "2019-06-18T10:00:00-04:00",
            estate_representative=True,
            events=[event("deceased", "2019-06-01T10:00:00Z")],
        ),
        name="1692c(b), (d) before Regulation F: another person vs the executor",
    ),
    # ---------------------------------------------------------------- bankruptcy
    Edge(
        "us.bankruptcy.automatic-stay",
        de(
            role="first_party",
            events=[
                event("bankruptcy", "2026-06-02T10:00:00Z", filed="2026-06-01", closed="2026-06-16")
            ],
        ),
        de(
            "2026-06-17T10:00:00-04:00",
            role="first_party",
            events=[
                event("bankruptcy", "2026-06-02T10:00:00Z", filed="2026-06-01", closed="2026-06-16")
            ],
        ),
        name="362(a)(6) the day the case closes vs the day after",
        # A creditor is not bound by the FDCPA's hours: allowed from midnight after closing.
        next_allowed_at="2026-06-17T04:00:00Z",
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=edge_ids(EDGES))
def test_edge(edge: Edge, engine: Engine, federal: Engine) -> None:
    check_edge(engine, federal, edge)


def test_revocation_grace_is_an_explicit_engine_option() -> None:
    """64.1200(a)(10): up to ten business days to honour a revocation, only when asked for."""
    revoked_friday = de(
        "2026-06-22T10:00:00-04:00",
        technology="autodialer",
        events=[
            event(
                "consent", "2026-05-01T10:00:00Z", kind="tcpa_prior_express", phone="+13025550142"
            ),
            event(
                "consent_revoked",
                "2026-06-12T10:00:00-04:00",
                kind="tcpa_prior_express",
                phone="+13025550142",
            ),
        ],
    )
    assert not Engine.load().evaluate(revoked_friday).allowed
    graceful = Engine.load(tcpa_revocation_grace_business_days=10)
    # Ten business days after Friday 06-12, skipping Juneteenth (Friday 06-19): Monday 06-29.
    assert graceful.evaluate(revoked_friday).allowed
    late = dict(
        revoked_friday, contact={**revoked_friday["contact"], "at": "2026-06-30T10:00:00-04:00"}
    )  # type: ignore[dict-item]
    assert not graceful.evaluate(late).allowed
    assert graceful.digest != Engine.load().digest
