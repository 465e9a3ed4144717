"""`python -m console`: the operator console and its command-line tools."""

from console.cli import main

raise SystemExit(main())
