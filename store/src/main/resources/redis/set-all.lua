-- Sets several string keys with one TTL in one step: either all are written or none.
-- KEYS the keys   ARGV: 1 TTL millis, 2.. one value per key
for i, key in ipairs(KEYS) do
  redis.call('SET', key, ARGV[i + 1], 'PX', ARGV[1])
end
return #KEYS
