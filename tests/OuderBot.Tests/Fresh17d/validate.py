#!/usr/bin/env python3
"""../Fresh17b/validate.py (unchanged) on this folder's files."""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "Fresh17b", "validate.py")
exec(compile(open(SOURCE, encoding="utf-8").read(), os.path.join(HERE, "validate.py"), "exec"),
     {"__file__": os.path.join(HERE, "validate.py"), "__name__": "__main__"})
