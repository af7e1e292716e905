"""Runs every exported script named on the command line in this one process (python and numpy start
once, not once per script) and prints a JSON object: script path -> what it printed, or its error.

Each script runs as `python3 script.py` would run it: its own globals, __name__ == '__main__', and its
stdout captured. numpy is imported here first, with the kernel the scripts pin, so their own pinning
(which must come before numpy's import) is tested separately, by running one script on its own.
"""
import contextlib
import io
import json
import os
import sys
import traceback

os.environ['OPENBLAS_CORETYPE'] = 'Sandybridge'
os.environ['OPENBLAS_NUM_THREADS'] = '1'
import numpy  # noqa: E402,F401  (loaded once for all the scripts)

results = {}
for path in sys.argv[1:]:
    out = io.StringIO()
    try:
        with open(path, encoding='utf-8') as f:
            code = compile(f.read(), path, 'exec')
        with contextlib.redirect_stdout(out):
            exec(code, {'__name__': '__main__', '__file__': path})
        results[path] = {'stdout': out.getvalue()}
    except BaseException:  # a script that fails (or calls exit) is reported, not fatal to the others
        results[path] = {'stdout': out.getvalue(), 'error': traceback.format_exc()}
json.dump(results, sys.stdout)
