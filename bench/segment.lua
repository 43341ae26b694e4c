-- wrk script for bench/run.sh. Settings come from the environment:
--   BENCH_KIND   track (one track event a request), batch ({"batch": [...]} of BENCH_BATCH track events),
--                exposure (one Experiment Viewed event carrying an ABsmartly exposure publish body)
--   BENCH_BATCH  events per batch request (default 100)
-- Every event has its own messageId. done() prints one machine-readable line starting with "BENCH ".
-- Run wrk with one thread (-t1): the counters below live in that thread's Lua state.

local kind = os.getenv("BENCH_KIND") or "track"
local batch_size = tonumber(os.getenv("BENCH_BATCH") or "100")
local run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time())

local headers = { ["Content-Type"] = "application/json" }
local seq = 0        -- events generated (also the messageId counter)
sent = 0             -- requests generated (globals: read from done() through thread:get)
bad = 0              -- answers that were not 200 {"success":true,...}

local function track(n)
  local user = n % 1000
  return '{"type":"track","event":"Order Completed","messageId":"bench-' .. run_id .. '-' .. n ..
    '","userId":"user-' .. user .. '","anonymousId":"anon-' .. user ..
    '","timestamp":"2023-01-01T00:00:00.000Z","properties":{"revenue":42.5,"currency":"EUR",' ..
    '"url":"https://example.com/checkout"},"context":{"library":{"name":"analytics.js","version":"4.1.0"}}}'
end

local function exposure(n)
  local user = n % 1000
  return '{"type":"track","event":"Experiment Viewed","messageId":"bench-' .. run_id .. '-' .. n ..
    '","anonymousId":"anon-' .. user .. '","timestamp":"2023-01-01T00:00:00.000Z","properties":{"exposure":' ..
    '{"publishedAt":1602531300000,"units":[{"type":"anonymousId","uid":"anon-' .. user .. '"}],' ..
    '"exposures":[{"id":10,"name":"test_experiment","assigned":true,"exposedAt":1602531200000}],' ..
    '"attributes":[{"name":"test","value":"test","setAt":1602530000000}]}}}'
end

function request()
  sent = sent + 1
  if kind == "batch" then
    local events = {}
    for i = 1, batch_size do
      seq = seq + 1
      events[i] = track(seq)
    end
    return wrk.format("POST", wrk.path, headers, '{"batch":[' .. table.concat(events, ",") .. ']}')
  end
  seq = seq + 1
  return wrk.format("POST", wrk.path, headers, kind == "exposure" and exposure(seq) or track(seq))
end

function response(status, _, body)
  if status ~= 200 or not string.find(body, '"success":true', 1, true) then
    bad = bad + 1
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local generated, failed = 0, 0
  for _, t in ipairs(threads) do
    generated = generated + (t:get("sent") or 0)
    failed = failed + (t:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d sent=%d duration_s=%.3f socket_errors=%d bad_answers=%d " ..
    "p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f mean_ms=%.3f max_ms=%.3f\n",
    summary.requests, generated, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, failed,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.mean / 1000, latency.max / 1000))
end
