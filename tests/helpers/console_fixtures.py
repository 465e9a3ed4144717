"""Old home of the console test helpers; tests/system still imports from here.

New code imports from tests.helpers.consoles (helpers) and tests.helpers.fakes (fakes); the
fixtures are in tests/integration/conftest.py. Remove this module once tests/system has moved.
"""

from __future__ import annotations

from tests.helpers.consoles import DEVICES_IN_DEMO_SITE, POPULATION
from tests.helpers.fakes import fast_hasher

__all__ = ["DEVICES_IN_DEMO_SITE", "POPULATION", "fast_hasher"]
