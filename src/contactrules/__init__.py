"""contactrules: may a debt collector contact this person now? A cited allow/deny decision.

>>> from contactrules import Engine
>>> engine = Engine.load()
>>> decision = engine.evaluate(request_dict)   # doctest: +SKIP
"""

from contactrules.engine import CompiledRule, Engine
from contactrules.errors import ContactRulesError, InvalidRequest, RulesetError
from contactrules.models import Decision, Request, parse_request, parse_request_json

__version__ = "0.1.0"

__all__ = [
    "CompiledRule",
    "ContactRulesError",
    "Decision",
    "Engine",
    "InvalidRequest",
    "Request",
    "RulesetError",
    "__version__",
    "parse_request",
    "parse_request_json",
]
