-- Counts one report against both windows of a pseudonym, only if neither is full.
-- KEYS[1] burst window counter   KEYS[2] daily counter
-- ARGV: 1 burst limit, 2 burst TTL millis, 3 daily limit, 4 daily TTL millis
-- Returns 0 allowed, 1 burst full, 2 daily full.
local burst = tonumber(redis.call('GET', KEYS[1]) or '0')
if burst >= tonumber(ARGV[1]) then
  return 1
end
local daily = tonumber(redis.call('GET', KEYS[2]) or '0')
if daily >= tonumber(ARGV[3]) then
  return 2
end
if redis.call('INCR', KEYS[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if redis.call('INCR', KEYS[2]) == 1 then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
return 0
