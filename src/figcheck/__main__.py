"""`python -m figcheck`, and the file `spark-submit` runs: `spark-submit .../figcheck/__main__.py run ...`."""

from figcheck.cli import main

raise SystemExit(main())
