-- wrk script of bench/load.sh: POST /api/v1/dossiers as a signed-in citizen.
--   wrk ... -s bench/load.lua <url> -- <mode> <prefix> <outdir> <body-file>
-- mode "unique": every request carries its own Idempotency-Key (<prefix>-<thread>-<n>),
--   so every request files a dossier; each 2xx response's dossier code is written to
--   <outdir>/codes-<thread>.txt for the exactly-once check.
-- mode "replay": every request, from every connection, carries the same key <prefix>.
-- The session cookie comes from the environment (PORTAL_COOKIE).

local threads = {}
local next_tid = 1

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

function init(args)
  mode, prefix, outdir = args[1], args[2], args[3]
  local f = assert(io.open(args[4], "rb"))
  body = f:read("*a")
  f:close()
  base = {
    ["Cookie"] = os.getenv("PORTAL_COOKIE"),
    ["X-Portal-Request"] = "1",
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  sent, ok, created, replayed = 0, 0, 0, 0
  if mode == "unique" then
    codes = assert(io.open(outdir .. "/codes-" .. prefix .. "-" .. tid .. ".txt", "w"))
    codes:setvbuf("line")
  end
end

function request()
  sent = sent + 1
  local key = prefix
  if mode == "unique" then
    key = prefix .. "-" .. tid .. "-" .. sent
  end
  local h = {}
  for k, v in pairs(base) do h[k] = v end
  h["Idempotency-Key"] = key
  return wrk.format("POST", "/api/v1/dossiers", h, body)
end

function response(status, headers, resp)
  if status >= 200 and status < 300 then
    ok = ok + 1
    if headers["idempotent-replayed"] or headers["Idempotent-Replayed"] then
      replayed = replayed + 1
    else
      created = created + 1
    end
    if codes then
      local code = string.match(resp, '"code":"([^"]+)"')
      codes:write((code or "?") .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local s, o, c, r = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    o = o + t:get("ok")
    c = c + t:get("created")
    r = r + t:get("replayed")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d sent=%d ok=%d created=%d replayed=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout, s, o, c, r))
end
