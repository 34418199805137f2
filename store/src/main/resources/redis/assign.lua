-- Places a report: joins the nearest open incident whose anchor lies within the merge radius and whose
-- latest report is within the time window, or opens a new one. One script, so that two bot instances
-- cannot both open an incident for one scene.
-- KEYS[1] GEO set of open incidents' anchors   KEYS[2] ZSET open incident id -> last report millis
-- KEYS[3] the new incident's hash (used only when opening)
-- KEYS[4] optional: the report's key, to store the report in the same step (ARGV 12 JSON, 13 TTL millis)
-- ARGV: 1 lon, 2 lat, 3 radius m, 4 window start millis, 5 new id, 6 new incident JSON,
--       7 TTL millis of a new incident, 8 report millis, 9 incident key prefix,
--       10 new anchor "lat lon", 11 earth radius m (the same as core's distances)
-- Returns {'join', id, json, write counter} or {'open', id}.
if KEYS[4] then
  redis.call('SET', KEYS[4], ARGV[12], 'PX', ARGV[13])
end

local lon, lat, radius = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local windowStart = tonumber(ARGV[4])
local earth = tonumber(ARGV[11])

local function haversine(lat1, lon1, lat2, lon2)
  local p1, p2 = math.rad(lat1), math.rad(lat2)
  local dp, dl = p2 - p1, math.rad(lon2 - lon1)
  local h = math.sin(dp / 2) ^ 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ^ 2
  return 2 * earth * math.asin(math.min(1, math.sqrt(h)))
end

-- GEO positions are rounded to about 0.6 m: search a little wider, decide on the exact anchor.
local hits = redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', lon, lat, 'BYRADIUS', radius + 2, 'm', 'ASC')
local best, bestDist
for _, id in ipairs(hits) do
  local last = redis.call('ZSCORE', KEYS[2], id)
  local anchor = redis.call('HGET', ARGV[9] .. id, 'a')
  if not anchor then
    -- expired by its safety-net TTL: forget it
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
  elseif last and tonumber(last) >= windowStart then
    local alat, alon = string.match(anchor, '^(%S+) (%S+)$')
    local d = haversine(tonumber(alat), tonumber(alon), lat, lon)
    if d <= radius and (best == nil or d < bestDist or (d == bestDist and id < best)) then
      best, bestDist = id, d
    end
  end
end

if best then
  local doc = redis.call('HMGET', ARGV[9] .. best, 'j', 'w')
  return { 'join', best, doc[1], doc[2] }
end

redis.call('HSET', KEYS[3], 'j', ARGV[6], 'h', 1, 'w', 1, 'a', ARGV[10])
redis.call('PEXPIRE', KEYS[3], ARGV[7])
redis.call('GEOADD', KEYS[1], lon, lat, ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[8], ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
return { 'open', ARGV[5] }
