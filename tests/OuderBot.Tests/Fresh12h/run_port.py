#!/usr/bin/env python3
"""run_port.py (port 5591) with a longer bot start-up wait: 120 s instead of botctl's 20 s.

Added because the shared machine was heavily loaded (load 10-20 on 2 cores) and the bot for scenario 6 did not answer
within 20 s twice, which ended `run_port.py run` with "bot did not start". Only the start-up wait differs; the bot,
its arguments, the simulated parent and the scoring are measure.py/botctl.py unchanged.
"""
import os, sys, runpy, subprocess, shutil, time
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Fresh12"))
import botctl  # ../Fresh12/botctl.py, unchanged: only its start-up wait is replaced here

def _init(self, now, data, port=5591):
    self.port, self.now, self.data = port, now, data
    shutil.rmtree(data, ignore_errors=True)
    self.log = open(data.rstrip('/') + ".log", "w")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development")
    self.p = subprocess.Popen(["dotnet", "bin/Debug/net10.0/OuderBot.dll", "--urls", f"http://127.0.0.1:{port}",
         "--Clock:Now", now, "--Storage:Path", data, "--Admin:ApiKey", "k"], cwd=botctl.BOT_DIR, env=env,
         stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
    t0 = time.time()
    while time.time() - t0 < 120:
        try:
            self.get("/api/admin/absences?from=2026-11-01&to=2026-11-02&school=de-driehoek"); return
        except Exception:
            time.sleep(0.1)
    self.stop()
    raise RuntimeError("bot did not start")

botctl.Bot.__init__ = _init
runpy.run_path(os.path.join(HERE, "measure.py"), run_name="__main__")
