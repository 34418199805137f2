-- Retention: makes keys expire within ARGV[1] ms, never later than they would have: a key already closer to
-- its end keeps its own TTL, so that "4 h after it closes" and "12 h at most" both hold. Missing keys are
-- skipped. (PEXPIRE's LT option would do this in one command, but needs Redis 7; the embedded one is 6.2.)
-- KEYS the keys   ARGV: 1 TTL millis
local shortened = 0
for _, key in ipairs(KEYS) do
  local ttl = redis.call('PTTL', key)
  if ttl == -1 or ttl > tonumber(ARGV[1]) then
    redis.call('PEXPIRE', key, ARGV[1])
    shortened = shortened + 1
  end
end
return shortened
