#!/usr/bin/env python3
"""Issue 17's seventh fresh set's runner (dates only: messages.jsonl is empty) (../Fresh17b/measure.py, unchanged) on this folder's messages.jsonl and dates.jsonl.

  python3 measure.py <OuderBot.dll> --repo <checkout> [--out results.json]   # same flags as ../Fresh17b/measure.py
"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Fresh17b"))
import measure  # noqa: E402

measure.HERE = HERE  # its defaults (messages, dates, results, predictions) are read from HERE when main() runs
if __name__ == "__main__":
    measure.main()
