-- Takes over console commands whose bot process died: an entry pending for a consumer (consumers are named by
-- the process id of RedisInstances) whose heartbeat key is gone is claimed for the caller, in one step, so
-- that two survivors cannot both take it. Dead consumers with nothing left pending leave the group.
-- KEYS[1] the command stream   ARGV: 1 group, 2 the caller's consumer name, 3 heartbeat key prefix, 4 max entries
-- Returns the claimed entries as XCLAIM does: { {id, {field, value, ...}}, ... }
local function dead(consumer)
  return consumer ~= ARGV[2] and redis.call('EXISTS', ARGV[3] .. consumer) == 0
end
local ids = {}
for _, entry in ipairs(redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', tonumber(ARGV[4]))) do
  if dead(entry[2]) then
    ids[#ids + 1] = entry[1]
  end
end
local claimed = {}
if #ids > 0 then
  claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, unpack(ids))
end
for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local name, pending
  for i = 1, #consumer, 2 do
    if consumer[i] == 'name' then name = consumer[i + 1] end
    if consumer[i] == 'pending' then pending = consumer[i + 1] end
  end
  if pending == 0 and dead(name) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], name)
  end
end
return claimed
