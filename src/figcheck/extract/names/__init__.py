"""Names now live in `figcheck.text.names`, which the name rules share.

Kept for `figcheck.cli`, which still imports `cluster_lines` and `explain` from here; import from
`figcheck.text.names` in new code.
"""

from figcheck.text.names import cluster_lines as cluster_lines
from figcheck.text.names import explain as explain
