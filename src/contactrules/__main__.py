"""``python -m contactrules`` is the ``contactrules`` command."""

import sys

from contactrules.cli import main

sys.exit(main())
