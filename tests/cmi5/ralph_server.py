"""Run Ralph's LRS (the real learning record store of the cmi5 tests) on 127.0.0.1 with its file backend.

`python tests/cmi5/ralph_server.py PORT FOLDER`: statements go to FOLDER/fs_lrs.jsonl, the user is FOLDER/auth.json
(written by the fixture). Started from Python rather than `ralph runserver`, because the file backend's default
operation is CREATE: measured, `ralph runserver -b fs` answers 500 to every POST after the first (its file then
exists). APPEND, set before ralph.api is imported, stores every statement.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.environ.update({"RALPH_RUNSERVER_BACKEND": "fs", "RALPH_AUTH_FILE": os.path.join(folder, "auth.json"),
                       "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": folder})
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
    import uvicorn
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
