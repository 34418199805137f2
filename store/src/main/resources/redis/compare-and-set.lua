-- Replaces a string only if it still holds what the caller read, with a new TTL in the same command.
-- KEYS[1] the key   ARGV: 1 the value read, 2 the new value, 3 TTL millis
-- Returns 1 if replaced, 0 if the key changed or is gone.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
