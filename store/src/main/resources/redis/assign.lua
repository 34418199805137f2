-- Places a report under the merge rule (core's IncidentAssigner states it; RedisIncidentAssigner says how it
-- is kept here): the nearest open incident anchored within the radius, else, for a point inside an area, the
-- most recent area-only incident there, else, for an area report, the most recent open incident in its area;
-- each only if close enough in time. Otherwise opens an incident. One script, so that two bot instances
-- cannot both open an incident for one scene.
-- KEYS[1] GEO set of anchored open incidents   KEYS[2] ZSET open incident id -> last report millis
-- KEYS[3] the new incident's hash (used only when opening)
-- KEYS[4] optional: the report's key, to store the report in the same step (ARGV 16 JSON, 17 TTL millis)
-- ARGV: 1 lon, 2 lat, 3 radius m, 4 seenAt millis, 5 receivedAt millis, 6 window millis, 7 new id,
--       8 new incident JSON, 9 TTL millis of a new incident, 10 incident key prefix, 11 earth radius m,
--       12 the area ('' for none), 13 '1' if the report names only the area, 14 area index key prefix,
--       15 GEO search margin m
-- Returns {'join', id, json, write counter, '1' if the report gives an area-only incident its point}
--      or {'open', id}.
if KEYS[4] then
  redis.call('SET', KEYS[4], ARGV[16], 'PX', ARGV[17])
end

local lon, lat, radius = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local seenAt, receivedAt, window = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local prefix, earth = ARGV[10], tonumber(ARGV[11])
local area, areaOnly = ARGV[12], ARGV[13] == '1'
-- every open incident of the area, and those of them that are area-only; both scored by their last report
local areaKey, areaOnlyKey = ARGV[14] .. area, ARGV[14] .. area .. ':only'

local function haversine(lat1, lon1, lat2, lon2)
  local p1, p2 = math.rad(lat1), math.rad(lat2)
  local dp, dl = p2 - p1, math.rad(lon2 - lon1)
  local h = math.sin(dp / 2) ^ 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ^ 2
  return 2 * earth * math.asin(math.min(1, math.sqrt(h)))
end

-- the time rule: the report's sighting span and the incident's active span at most the window apart
local function inTime(opened, last)
  return math.max(seenAt - last, (tonumber(opened) or 0) - receivedAt) <= window
end

local function forget(id)
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
end

local function answer(id, located)
  local doc = redis.call('HMGET', prefix .. id, 'j', 'w')
  return { 'join', id, doc[1], doc[2], located and '1' or '0' }
end

-- 1. a point: the nearest anchored incident. GEO positions are rounded (about 0.6 m) and Redis measures on
-- a slightly larger sphere: search a little wider, decide on the exact anchor.
if not areaOnly then
  local hits = redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', lon, lat, 'BYRADIUS', radius + tonumber(ARGV[15]),
    'm', 'ASC')
  local best, bestDist
  for _, id in ipairs(hits) do
    local last = redis.call('ZSCORE', KEYS[2], id)
    local doc = redis.call('HMGET', prefix .. id, 'a', 'o')
    if not doc[1] then
      -- expired by its safety-net TTL: forget it
      forget(id)
    elseif last and inTime(doc[2], tonumber(last)) then
      local alat, alon = string.match(doc[1], '^(%S+) (%S+)$')
      local d = haversine(tonumber(alat), tonumber(alon), lat, lon)
      if d <= radius and (best == nil or d < bestDist or (d == bestDist and id < best)) then
        best, bestDist = id, d
      end
    end
  end
  if best then
    return answer(best, false)
  end
end

-- 2 and 3. the area: most recent first, ties to the smallest id; a point looks only at the area-only
-- incidents, an area report at every incident of its area
if area ~= '' then
  local index = areaOnly and areaKey or areaOnlyKey
  -- read in pages: the answer is almost always among the first few, however many the area holds
  local best, bestLast, offset, done = nil, nil, 0, false
  while not done do
    local entries = redis.call('ZREVRANGEBYSCORE', index, '+inf', seenAt - window, 'WITHSCORES', 'LIMIT', offset, 16)
    done = #entries < 32
    offset = offset + 16
    for i = 1, #entries, 2 do
      local id, last = entries[i], tonumber(entries[i + 1])
      if best and last < bestLast then
        done = true
        break
      end
      local doc = redis.call('HMGET', prefix .. id, 'a', 'o', 'w')
      if not doc[3] then
        -- expired by its safety-net TTL (the page shifts by one: an entry may be read twice, never missed)
        redis.call('ZREM', areaKey, id)
        redis.call('ZREM', areaOnlyKey, id)
        forget(id)
        offset = offset - 1
      elseif redis.call('ZSCORE', KEYS[2], id) and inTime(doc[2], last)
          and (best == nil or id < best) then
        best, bestLast = id, last
      end
    end
  end
  if best then
    return answer(best, not areaOnly)
  end
end

-- 4. open: anchored at the point, or area-only (not in the GEO set; the point's area index finds it)
local fields = { 'j', ARGV[8], 'h', 1, 'w', 1, 'o', receivedAt }
if not areaOnly then
  table.insert(fields, 'a')
  table.insert(fields, ARGV[2] .. ' ' .. ARGV[1])
  redis.call('GEOADD', KEYS[1], lon, lat, ARGV[7])
  redis.call('PEXPIRE', KEYS[1], ARGV[9])
end
if area ~= '' then
  table.insert(fields, 'z')
  table.insert(fields, area)
  redis.call('ZADD', areaKey, receivedAt, ARGV[7])
  redis.call('PEXPIRE', areaKey, ARGV[9])
  if areaOnly then
    redis.call('ZADD', areaOnlyKey, receivedAt, ARGV[7])
    redis.call('PEXPIRE', areaOnlyKey, ARGV[9])
  end
end
redis.call('HSET', KEYS[3], unpack(fields))
redis.call('PEXPIRE', KEYS[3], ARGV[9])
redis.call('ZADD', KEYS[2], receivedAt, ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[9])
return { 'open', ARGV[7] }
