-- Takes the items of a schedule that are due: each is removed as it is handed out, so that of several bot
-- processes asking at once, one gets it.
-- KEYS[1] the schedule (sorted set, member -> due epoch ms)   ARGV: 1 now (epoch ms), 2 the most to take
-- Returns member, score, member, score...
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
for i = 1, #due, 2 do
  redis.call('ZREM', KEYS[1], due[i])
end
return due
