-- Makes sure the consumer group of the console's command stream exists, creating the stream if needed,
-- and that the stream has a TTL (a stream created here, before the console's first command, would have none).
-- KEYS[1] the command stream   ARGV: 1 group, 2 TTL millis (used only if the stream has none)
local ok = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
if redis.call('PTTL', KEYS[1]) == -1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return ok and 1 or 0
