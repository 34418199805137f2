-- Claims a console command (by its id) for one bot process before it is carried out.
-- KEYS[1] the command's claim key   ARGV: 1 the process id, 2 TTL millis, 3 heartbeat key prefix
-- Returns 1: first to claim it; 2: to be carried out again (its process died before answering, or this
-- process failed to answer and tries again); 0: carried out and answered already; 3: a live process has it.
local owner = redis.call('GET', KEYS[1])
if not owner then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if owner == 'done' then
  return 0
end
if owner == ARGV[1] then
  return 2
end
if redis.call('EXISTS', ARGV[3] .. owner) == 1 then
  return 3
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 2
