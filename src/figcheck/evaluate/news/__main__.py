"""``python -m figcheck.evaluate.news``: the news figures scorer."""

from figcheck.evaluate.news import main

raise SystemExit(main())
