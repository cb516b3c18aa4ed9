#!/usr/bin/env python3
"""Fresh17e's validate.py, unchanged, on this folder's messages.jsonl and dates.jsonl."""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "Fresh17e", "validate.py"), encoding="utf-8") as f:
    source = f.read()
exec(compile(source, "Fresh17e/validate.py", "exec"), {"__file__": os.path.join(HERE, "validate.py"), "__name__": "__main__"})
