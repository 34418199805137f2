-- A closed incident's retention: its hash expires after the TTL, and it is listed among the recently closed
-- incidents (a GEO set at its center, for "is this rumor true?"), whose key lives as long as its newest entry.
-- Members whose incident has expired are removed by the readers. One script: values and TTLs written together.
-- KEYS[1] the incident's hash   KEYS[2] GEO set of recently closed incidents
-- ARGV: 1 TTL millis, 2 incident id, 3 longitude, 4 latitude
-- Returns 1, or 0 if the incident is gone.
if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('GEOADD', KEYS[2], ARGV[3], ARGV[4], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
