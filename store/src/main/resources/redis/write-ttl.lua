-- One write and the key's TTL in one step. Written as two commands (the write, then EXPIRE), a key could
-- be left without a TTL, for ever, when the connection failed between them.
-- KEYS[1] the key   ARGV: 1 TTL millis, 2 the write command (one of those allowed below), 3.. its arguments
-- Returns the command's answer as text.
local allowed = { HSET = true, SADD = true, ZADD = true, HINCRBY = true, RPUSH = true, XADD = true }
local command = ARGV[2]
if not allowed[command] then
  return redis.error_reply('write-ttl: not an allowed write: ' .. tostring(command))
end
local answer = redis.call(command, KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return tostring(answer)
