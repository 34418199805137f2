-- Nearest on-duty observers: first forgets positions whose TTL passed (GEO members have no TTL of their
-- own), then one GEOSEARCH.
-- KEYS[1] GEO set of on-duty positions   KEYS[2] ZSET observer id -> position expiry millis
-- KEYS[3] HASH observer id -> the area they named (those on duty in an area)
-- ARGV: 1 now millis, 2 lon, 3 lat, 4 radius m, 5 count
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
end
return redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', ARGV[2], ARGV[3], 'BYRADIUS', ARGV[4], 'm', 'ASC',
  'COUNT', ARGV[5], 'WITHDIST')
