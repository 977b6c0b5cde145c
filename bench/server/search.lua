-- wrk script: cycles through bench/server/queries.txt, one /api/search per request.
local queries = {}
for line in io.lines(os.getenv("HOSO_QUERIES") or "bench/server/queries.txt") do
  queries[#queries + 1] = line:gsub(" ", "+")
end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/api/search?q=" .. queries[i] .. "&limit=10")
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
