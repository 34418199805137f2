-- One write and the key's TTL in one step, like write-ttl.lua, except that the TTL only grows: for an index
-- whose members each have their own retention (the key must outlive its longest-kept member).
-- KEYS[1] the key   ARGV: 1 TTL millis, 2 the write command (SADD or ZADD), 3.. its arguments
-- Returns the command's answer as text.
local allowed = { SADD = true, ZADD = true }
local command = ARGV[2]
if not allowed[command] then
  return redis.error_reply('write-extend: not an allowed write: ' .. tostring(command))
end
local answer = redis.call(command, KEYS[1], unpack(ARGV, 3))
local ttl = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return tostring(answer)
