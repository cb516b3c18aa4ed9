"""Dev17g's builder: Dev17fd's (../../Dev17fd/src/build.py, unchanged; its docstring has the line format) run on this
folder's msgs*.txt, writing ../dates.jsonl:  python3 build.py [-v]"""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
BUILDER = os.path.join(HERE, "..", "..", "Dev17fd", "src", "build.py")
with open(BUILDER, encoding="utf-8") as f:
    # Run as if it stood here: it works in the folder of its own __file__.
    exec(compile(f.read(), BUILDER, "exec"), {"__file__": os.path.abspath(__file__), "__name__": "__main__"})
