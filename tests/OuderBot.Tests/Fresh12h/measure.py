#!/usr/bin/env python3
"""The first set's measurement (../Fresh12/measure.py, unchanged) on this folder's scenarios.jsonl.

  python3 measure.py run      # every scenario once (fresh bot process and data folder each), writes results.jsonl
  python3 measure.py report   # the figures from results.jsonl
"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Fresh12"))
import measure  # noqa: E402  (the first set's script; its botctl.py starts the bot from BOT_DIR)

measure.SCEN, measure.RES = os.path.join(HERE, "scenarios.jsonl"), os.path.join(HERE, "results.jsonl")
if __name__ == "__main__":
    {"run": measure.run, "report": measure.report}[sys.argv[1]]()
