#!/usr/bin/env python3
"""Same as `python3 measure.py run|report`, but the bot listens on port 5491 instead of the harness default 5091
(another session's bots were using 5091 at the same time; the harness files are not changed)."""
import os, sys, runpy
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Fresh12"))
import botctl
botctl.Bot.__init__.__defaults__ = (5491,)
runpy.run_path(os.path.join(HERE, "measure.py"), run_name="__main__")
