"""`python -m video.recorder`: the recorder process, the same as `console recorder`."""

from console.recorder_service import main

raise SystemExit(main())
