-- Compare-and-set of an incident, and the open-incident indexes kept in step with its state.
-- The hash holds 'h' (history size, the port's optimistic check: history only grows) and 'w' (a write
-- counter, strictly increasing, for writers that change an incident without adding history).
-- KEYS[1] the incident's hash   KEYS[2] GEO set of anchored open incidents   KEYS[3] ZSET id -> last report millis
-- ARGV: 1 'h' or 'w', 2 expected value, 3 new history size, 4 JSON, 5 id, 6 '1' if open else '0',
--       7 last report millis, 8 area index key prefix,
--       9 optional: "lat lon", the first point of an area-only incident (10 its longitude, 11 its latitude,
--       12 the GEO set's TTL millis)
-- Returns the new write counter, or 0 if the expected value differed or the incident is gone.
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current or tonumber(current) ~= tonumber(ARGV[2]) then
  return 0
end
redis.call('HSET', KEYS[1], 'j', ARGV[4], 'h', ARGV[3])
local w = redis.call('HINCRBY', KEYS[1], 'w', 1)
local area = redis.call('HGET', KEYS[1], 'z')
if ARGV[6] == '1' then
  redis.call('ZADD', KEYS[3], 'GT', ARGV[7], ARGV[5])
  if area then
    redis.call('ZADD', ARGV[8] .. area, 'XX', 'GT', ARGV[7], ARGV[5])
    redis.call('ZADD', ARGV[8] .. area .. ':only', 'XX', 'GT', ARGV[7], ARGV[5])
  end
  if ARGV[9] then
    if area then
      redis.call('ZREM', ARGV[8] .. area .. ':only', ARGV[5])
    end
    redis.call('HSET', KEYS[1], 'a', ARGV[9])
    redis.call('GEOADD', KEYS[2], ARGV[10], ARGV[11], ARGV[5])
    redis.call('PEXPIRE', KEYS[2], ARGV[12])
  end
else
  redis.call('ZREM', KEYS[2], ARGV[5])
  redis.call('ZREM', KEYS[3], ARGV[5])
  if area then
    redis.call('ZREM', ARGV[8] .. area, ARGV[5])
    redis.call('ZREM', ARGV[8] .. area .. ':only', ARGV[5])
  end
end
return w
