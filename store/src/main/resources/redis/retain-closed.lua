-- A closed incident's retention: its hash expires within the TTL, never later than it would have (the same rule
-- as retain.lua: "4 h after it closes" and "12 h at most" both hold), and it is listed among the recently closed
-- incidents (a GEO set at its center, for "is this rumor true?"), whose key lives as long as its longest-lived
-- entry could. Members whose incident has expired are removed by the readers. One script: values and TTLs
-- written together.
-- KEYS[1] the incident's hash   KEYS[2] GEO set of recently closed incidents
-- ARGV: 1 TTL millis, 2 incident id, 3 longitude, 4 latitude
-- Returns 1, or 0 if the incident is gone.
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then
  return 0
end
if ttl == -1 or ttl > tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
redis.call('GEOADD', KEYS[2], ARGV[3], ARGV[4], ARGV[2])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
return 1
