-- Completes a claimed deadline: removes it only if it still has the time its claim gave it. Acting on a
-- deadline may schedule the same one again (a published alert marked stale is given its end): that new time
-- must stay.
-- KEYS[1] ZSET member -> due millis   ARGV: 1 member, 2 the claim's time (millis)
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
