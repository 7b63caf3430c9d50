"""Every strategy of ``contactrules.testing`` (this module name is kept for older imports)."""

from contactrules.testing import *  # noqa: F403
from contactrules.testing import __all__  # noqa: F401
