-- Claims a piece of work for one process: a Telegram update, an alert for a channel, a prompt.
-- KEYS[1] the claim key; KEYS[2] (optional) the hash of finished work, whose field ARGV[4] means "done"
-- ARGV[1] the claiming process's id, ARGV[2] TTL (ms), ARGV[3] heartbeat key prefix
-- Returns 1: claimed, 2: taken over from a process without a heartbeat (it died before finishing),
-- 0: done already, 3: held by a live process (possibly this one).
-- A claim never outlives the finished work's hash: once that is retained (an incident closed), so is a claim.
if KEYS[2] and redis.call('HEXISTS', KEYS[2], ARGV[4]) == 1 then
  return 0
end
local px = tonumber(ARGV[2])
if KEYS[2] then
  local left = redis.call('PTTL', KEYS[2])
  if left > 0 and left < px then
    px = left
  end
end
local owner = redis.call('GET', KEYS[1])
if not owner then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', px)
  return 1
end
if owner == 'done' then
  return 0
end
if owner == ARGV[1] or redis.call('EXISTS', ARGV[3] .. owner) == 1 then
  return 3
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', px)
return 2
