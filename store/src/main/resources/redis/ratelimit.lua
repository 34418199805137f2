-- The resident rate limit in sliding windows: the times of a pseudonym's reports of the last day, in one
-- ZSET; a report is allowed if fewer than the burst limit fall in the last burst window and fewer than the
-- daily limit in the last day. Checked and counted in one script, so that two instances cannot let a burst
-- through between them.
-- KEYS[1] the pseudonym's ZSET, report id -> millis
-- ARGV: 1 now millis, 2 burst limit, 3 burst window millis, 4 daily limit, 5 day millis,
--       6 a unique member for this report, or '' to check without counting
-- Returns {0} allowed, or {1, retry-at millis} (burst full) or {2, retry-at millis} (day full).
local now = tonumber(ARGV[1])
local burst, burstWindow = tonumber(ARGV[2]), tonumber(ARGV[3])
local daily, day = tonumber(ARGV[4]), tonumber(ARGV[5])
-- a report counts while it is younger than the window: (now - window, now]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - day)
local inDay = redis.call('ZCOUNT', KEYS[1], '(' .. (now - day), '+inf')
if inDay >= daily then
  -- allowed again when the (inDay - daily + 1)-th oldest leaves the day
  local oldest = redis.call('ZRANGE', KEYS[1], inDay - daily, inDay - daily, 'WITHSCORES')
  return { 2, tonumber(oldest[2]) + day }
end
local inBurst = redis.call('ZCOUNT', KEYS[1], '(' .. (now - burstWindow), '+inf')
if inBurst >= burst then
  local recent = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - burstWindow), '+inf', 'WITHSCORES', 'LIMIT',
    inBurst - burst, 1)
  return { 1, tonumber(recent[2]) + burstWindow }
end
if ARGV[6] ~= '' then
  redis.call('ZADD', KEYS[1], now, ARGV[6])
  redis.call('PEXPIRE', KEYS[1], day)
end
return { 0 }
