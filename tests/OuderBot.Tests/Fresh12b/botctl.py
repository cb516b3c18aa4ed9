import json, os, subprocess, time, urllib.request, shutil, signal
BOT_DIR = os.environ.get("BOT_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "src", "OuderBot"))
class Bot:
    def __init__(self, now, data, port=5091):
        self.port, self.now, self.data = port, now, data
        shutil.rmtree(data, ignore_errors=True)
        self.log = open(data.rstrip('/') + ".log", "w")
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development")
        self.p = subprocess.Popen(["dotnet", "bin/Debug/net10.0/OuderBot.dll", "--urls", f"http://127.0.0.1:{port}",
             "--Clock:Now", now, "--Storage:Path", data, "--Admin:ApiKey", "k"], cwd=BOT_DIR, env=env,
             stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(200):
            try:
                self.get("/api/admin/absences?from=2026-11-01&to=2026-11-02&school=de-driehoek"); return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError("bot did not start")
    def get(self, path):
        r = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={"X-Api-Key": "k"})
        return json.load(urllib.request.urlopen(r, timeout=30))
    def send(self, frm, text):
        r = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/local/messages", method="POST",
            data=json.dumps({"from": frm, "text": text}).encode(), headers={"Content-Type": "application/json"})
        return [x["text"] for x in json.load(urllib.request.urlopen(r, timeout=60))["replies"]]
    def rows(self, frm="2026-11-01", to="2027-01-31"):
        return self.get(f"/api/admin/absences?from={frm}&to={to}&school=de-driehoek")
    def stop(self):
        os.killpg(self.p.pid, signal.SIGTERM)
        try: self.p.wait(10)
        except Exception: os.killpg(self.p.pid, signal.SIGKILL)
        self.log.close()
